import type { TemplateSrv } from '@grafana/runtime';

import type { GatewayClient } from './gateway/GatewayClient';
import { Mlops1xClient } from './mlops1x/client';
import { Mlops1xQueryRunner } from './mlops1x/queries';
import { Mlops1xSupport } from './mlops1x/support';
import { testMlops1xConnection } from './mlops1x/testConnection';
import { mlops1xVariableValues } from './mlops1x/variables';
import type { Mlops1xGeneration } from './mlops1xLoader';

/**
 * The H2O MLOps 1.x generation as one object: the only module the data source loads (with a
 * dynamic `import()`, see mlops1xLoader.ts) when its settings choose 1.x, so none of mlops1x/ is in
 * the data source's module.js (#11).
 */
export function createMlops1xGeneration(
  gateway: GatewayClient,
  hasAuthz: boolean,
  templateSrv: Pick<TemplateSrv, 'replace'>
): Mlops1xGeneration {
  const client = new Mlops1xClient(gateway, hasAuthz);
  const support = new Mlops1xSupport(client, new Mlops1xQueryRunner(client, templateSrv), (text) =>
    templateSrv.replace(text ?? '')
  );
  return {
    run: (refId, stored, request) => support.runner.run(refId, stored, request),
    testConnection: (options) => testMlops1xConnection(client, options),
    variableValues: (stored, replace) => mlops1xVariableValues(client, stored, replace),
    listOptions: (query) => support.listOptions(query),
  };
}
