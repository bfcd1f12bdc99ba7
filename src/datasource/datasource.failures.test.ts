import { renderHook, waitFor } from '@testing-library/react';
import { lastValueFrom } from 'rxjs';

import deploymentsPage2 from '../../tests/fixtures/gateway/deployments-page2.json';
import { INCOMPLETE_OPTION_VALUE, useAsyncOptions } from './components/useAsyncOptions';
import { MlopsDataSource } from './datasource';
import type { OptionList } from './editorApi';
import { FakeBackendSrv } from '../test/fakeBackendSrv';
import { FakeTemplateSrv } from '../test/fakeTemplateSrv';
import { instanceSettings } from '../test/instanceSettings';
import { DOCUMENTED_EXAMPLE_RANGE, queryRequest } from '../test/queryRequest';
import { VariableQueryKind, type MlopsVariableQuery } from './types';
import type { MlopsVariableSupport } from './variables';

/**
 * What users see of gateway failures outside a panel: Save & test, option pickers, variables
 * (network mocked at Grafana backendSrv boundary).
 */

const LIST = /v1\/deployment(\?|$)/;
const INCOMPLETE =
  'The gateway returned more pages of deployments than the safety bound allows; the list is incomplete.';

function setup(reply: (url: string) => { status: number; data: unknown }) {
  const backend = new FakeBackendSrv().on(LIST, reply);
  const ds = new MlopsDataSource(instanceSettings(), { backendSrv: backend, templateSrv: new FakeTemplateSrv() });
  return { backend, ds };
}

/** A gateway whose deployment list never ends: every page offers another. */
function endless() {
  let page = 0;
  return () => ({ status: 200, data: { ...deploymentsPage2, nextPageToken: `page-${++page}` } });
}

const variableRequest = (query: MlopsVariableQuery) =>
  queryRequest([query], DOCUMENTED_EXAMPLE_RANGE, { requestId: 'v' });

describe('Save & test', () => {
  it('reports a grpc-gateway error sent with HTTP 200 instead of "Connected: 0"', async () => {
    const { ds } = setup(() => ({
      status: 200,
      data: { code: 'PERMISSION_DENIED', message: 'user may not list deployments' },
    }));
    const result = await ds.testDatasource();
    expect(result.status).toBe('error');
    expect(result.message).toBe('Forbidden: the credentials work but may not read model monitoring.');
    expect(result.details?.message).toContain(
      'forbidden (HTTP 200 with gateway error code 7 "user may not list deployments")'
    );
  });

  it('says when the deployment list is incomplete', async () => {
    const { ds } = setup(endless());
    const result = await ds.testDatasource();
    expect(result.status).toBe('warning');
    // Every page is deployments-page2 here, whose total (4) differs from the first page's of the normal fixture.
    expect(result.message).toBe(`Connected: 4 monitored deployments. ${INCOMPLETE}`);
  });
});

describe('incomplete lists in pickers and variables', () => {
  it('the deployment options carry the reason, and the picker shows it as a line that cannot be chosen', async () => {
    const { ds } = setup(endless());
    const options = await ds.listDeploymentOptions();
    expect(options.incomplete).toBe(INCOMPLETE);
    const { result } = renderHook(() => useAsyncOptions(() => Promise.resolve(options), 'k', true));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.options.at(-1)).toEqual({
      value: INCOMPLETE_OPTION_VALUE,
      label: `⚠ ${INCOMPLETE}`,
      infoOption: true,
    });
  });

  it('a complete list has no such line', async () => {
    const complete: OptionList = [{ label: 'a', value: 'a' }];
    const { result } = renderHook(() => useAsyncOptions(() => Promise.resolve(complete), 'k', true));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.options).toEqual([{ value: 'a', label: 'a', description: undefined }]);
  });

  it('the deployments variable ends with a value that says the list is incomplete', async () => {
    const { ds } = setup(endless());
    const variables = ds.variables as MlopsVariableSupport;
    const response = await lastValueFrom(
      variables.query(variableRequest({ refId: 'v', schemaVersion: 1, kind: VariableQueryKind.Deployments }))
    );
    const [text, value] = response.data[0].fields;
    expect(text.values.at(-1)).toBe(`⚠ ${INCOMPLETE}`);
    expect(value.values.at(-1)).toBe('');
    // 100 pages (the bound) of one deployment each, then the line saying there are more.
    expect(text.values).toHaveLength(101);
  });
});
