import { PanelPlugin } from '@grafana/data';

import { ChampionPanel } from './components/ChampionPanel';
import { panelMigrationHandler, shouldMigrate } from './migrations';
import { buildPanelOptions, fieldConfig } from './options';
import { compatibleSuggestionsSupplier } from './suggestions';
import type { PanelOptions } from './types';

export const plugin = new PanelPlugin<PanelOptions>(ChampionPanel)
  .setMigrationHandler(panelMigrationHandler, shouldMigrate)
  .setSuggestionsSupplier(compatibleSuggestionsSupplier)
  .useFieldConfig(fieldConfig)
  .setPanelOptions(buildPanelOptions);
