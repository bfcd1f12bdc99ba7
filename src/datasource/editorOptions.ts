import type { SelectableValue } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';
import { lastValueFrom, map } from 'rxjs';

import type { OptionList } from './editorApi';
import { deploymentName } from './frames/common';
import type { GatewayClient } from './gateway/GatewayClient';
import { truncationText } from './gateway/paging';
import { parseDriftSummary } from './parse/drift';
import { modelChoices } from './query/models';

/**
 * The options of the legacy query editor's pickers (deployments, models, features). Loaded with the
 * editors' chunk: only an open editor asks for them, so dashboards do not download them with
 * module.js (#11).
 */

export function deploymentOptions(client: GatewayClient): Promise<OptionList> {
  return lastValueFrom(
    client.listDeployments().pipe(
      map((list) => {
        const options: OptionList = list.items.map((d) => ({
          label: deploymentName(d),
          value: d.id,
          description: [d.type, d.environment, d.monitoringEnabled === false ? 'monitoring off' : '']
            .filter(Boolean)
            .join(' · '),
        }));
        if (list.truncated) {
          options.incomplete = truncationText('deployments', list.truncation);
        }
        return options;
      })
    )
  );
}

export function modelOptions(
  client: GatewayClient,
  templateSrv: Pick<TemplateSrv, 'replace'>,
  deploymentId: string
): Promise<Array<SelectableValue<string>>> {
  const id = templateSrv.replace(deploymentId);
  return lastValueFrom(
    client.getDeployment(id).pipe(
      map((deployment) =>
        modelChoices(deployment).map(({ label, value, primary }) => ({
          label,
          value,
          description: primary ? 'primary model' : undefined,
        }))
      )
    )
  );
}

export function featureOptions(
  client: GatewayClient,
  templateSrv: Pick<TemplateSrv, 'replace'>,
  deploymentId: string,
  modelId?: string
): Promise<Array<SelectableValue<string>>> {
  const id = templateSrv.replace(deploymentId);
  const model = modelId ? templateSrv.replace(modelId) : id;
  const now = new Date();
  const range = {
    startDateTime: new Date(now.getTime() - 24 * 3600_000).toISOString(),
    endDateTime: now.toISOString(),
  };
  return lastValueFrom(
    client
      .driftMetrics(id, model, range, {}, parseDriftSummary)
      .pipe(map((drift) => drift.features.map((f) => ({ label: f.name, value: f.name, description: f.dataType }))))
  );
}
