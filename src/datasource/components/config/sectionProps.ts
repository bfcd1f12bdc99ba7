import type { MlopsDataSourceSettings } from '../../config/options';
import type { ConfigField } from '../../config/fields';
import type { MlopsDataSourceOptions } from '../../types';

/** What every section of the config editor gets from the editor that owns the state. */
export interface SectionProps {
  /** The settings as stored (secrets and `secureJsonFields` included). */
  options: MlopsDataSourceSettings;
  /** Normalized jsonData (every route key present). */
  jsonData: MlopsDataSourceOptions;
  readOnly: boolean;
  /** The validation message of a field, once it was touched. */
  errorOf: (field: ConfigField) => string | undefined;
  touch: (field: ConfigField) => void;
  /** Writes a patch of jsonData, normalized. */
  updateJsonData: (patch: Partial<MlopsDataSourceOptions>) => void;
  onOptionsChange: (options: MlopsDataSourceSettings) => void;
}

/** Width of the long inputs (URLs, tokens). */
export const WIDE_INPUT = 60;
