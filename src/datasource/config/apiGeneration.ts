import { ApiGeneration, type MlopsDataSourceOptions } from '../types';
import { isAbsoluteHttpUrl } from './validation';

/**
 * The API generation setting (settings schema 2): the legacy model-monitoring gateway, or H2O
 * MLOps 1.x with its MLOps API URL and optional authz URL. Settings saved before schema 2 have no
 * `apiGeneration`; they keep meaning the legacy gateway, so existing data sources are unchanged.
 */

export function apiGenerationOf(jsonData: MlopsDataSourceOptions | undefined): ApiGeneration {
  return jsonData?.apiGeneration === ApiGeneration.Mlops1x ? ApiGeneration.Mlops1x : ApiGeneration.Legacy;
}

/**
 * The 1.x keys as they are written on every change of a 1.x data source: both URLs present as
 * strings (the routes' templates would render a missing key as `<no value>`). A legacy data
 * source gets no 1.x keys, so its stored settings stay exactly as before.
 */
export function mlops1xKeys(source: MlopsDataSourceOptions): Partial<MlopsDataSourceOptions> {
  if (apiGenerationOf(source) !== ApiGeneration.Mlops1x) {
    return {};
  }
  return { mlopsApiUrl: source.mlopsApiUrl ?? '', authzUrl: source.authzUrl ?? '' };
}

export interface Mlops1xUrlErrors {
  mlopsApiUrl?: string;
  authzUrl?: string;
}

const SERVICE_SUFFIX = /\/(deployer|monitoring|storage)(\/v2)?\/*$/i;

/** Messages for the 1.x URLs (empty when valid, or when the data source is not 1.x). */
export function validateMlops1xUrls(jsonData: MlopsDataSourceOptions): Mlops1xUrlErrors {
  if (apiGenerationOf(jsonData) !== ApiGeneration.Mlops1x) {
    return {};
  }
  const errors: Mlops1xUrlErrors = {};
  const api = (jsonData.mlopsApiUrl ?? '').trim();
  if (!api) {
    errors.mlopsApiUrl = 'Enter the MLOps API URL.';
  } else if (!isAbsoluteHttpUrl(api)) {
    errors.mlopsApiUrl = 'Enter an absolute http(s) URL, e.g. https://mlops-api.example.com.';
  } else if (SERVICE_SUFFIX.test(api)) {
    errors.mlopsApiUrl = 'Leave out the service path (/deployer, /monitoring): the data source appends it.';
  } else if (/[?#]/.test(api)) {
    errors.mlopsApiUrl = 'The MLOps API URL must not contain a query string or fragment.';
  }
  const authz = (jsonData.authzUrl ?? '').trim();
  if (authz && !isAbsoluteHttpUrl(authz)) {
    errors.authzUrl = 'Enter an absolute http(s) URL, e.g. https://authz.example.com, or leave it empty.';
  } else if (/\/v1(\/workspaces)?\/*$/i.test(authz)) {
    errors.authzUrl = 'Leave out /v1/workspaces: the data source appends it.';
  }
  return errors;
}
