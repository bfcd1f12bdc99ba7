import { ApiGeneration, OPTIONS_SCHEMA_VERSION, type MlopsDataSourceOptions } from '../types';
import { apiGenerationOf, validateMlops1xUrls } from './apiGeneration';
import { normalizeOptions } from './options';
import { validateOptions } from './validation';

const mlops1x = (over: Partial<MlopsDataSourceOptions> = {}): MlopsDataSourceOptions => ({
  apiGeneration: ApiGeneration.Mlops1x,
  mlopsApiUrl: 'https://mlops-api.example.com',
  ...over,
});

describe('API generation setting (settings schema 2)', () => {
  it('reads settings saved before schema 2 as the legacy gateway and writes no 1.x keys for them', () => {
    const v1 = { schemaVersion: 1, gatewayUrl: 'https://gw.example.com' };
    expect(apiGenerationOf(v1)).toBe(ApiGeneration.Legacy);
    const normalized = normalizeOptions(v1);
    expect(normalized.schemaVersion).toBe(OPTIONS_SCHEMA_VERSION);
    expect(OPTIONS_SCHEMA_VERSION).toBe(2);
    expect(normalized).not.toHaveProperty('mlopsApiUrl');
    expect(normalized).not.toHaveProperty('apiGeneration');
  });

  it('writes both 1.x URL keys for a 1.x data source, so the routes never render <no value>', () => {
    expect(normalizeOptions({ apiGeneration: ApiGeneration.Mlops1x })).toMatchObject({
      apiGeneration: ApiGeneration.Mlops1x,
      mlopsApiUrl: '',
      authzUrl: '',
      authMode: 'refreshToken',
    });
  });

  it('does not ask a 1.x data source for a gateway URL, and checks its own URLs', () => {
    expect(validateOptions(normalizeOptions(mlops1x())).gatewayUrl).toBeUndefined();
    expect(validateOptions(normalizeOptions({})).gatewayUrl).toBe('Enter the gateway URL.');
    expect(validateMlops1xUrls(mlops1x())).toEqual({});
    expect(validateMlops1xUrls(mlops1x({ mlopsApiUrl: '' }))).toEqual({ mlopsApiUrl: 'Enter the MLOps API URL.' });
    expect(validateMlops1xUrls(mlops1x({ mlopsApiUrl: 'https://x.example.com/deployer' })).mlopsApiUrl).toMatch(
      /Leave out the service path/
    );
    expect(validateMlops1xUrls(mlops1x({ authzUrl: 'authz' })).authzUrl).toMatch(/absolute/);
    expect(validateMlops1xUrls(mlops1x({ authzUrl: 'https://authz.example.com/v1/workspaces' })).authzUrl).toMatch(
      /Leave out/
    );
    expect(validateMlops1xUrls({ mlopsApiUrl: '' })).toEqual({});
  });
});
