import { FieldType, createDataFrame, type DataFrame } from '@grafana/data';

import { FIELD, FrameKind } from '../../shared/frameSchema';
import type { Deployment } from '../parse/domain';
import { deploymentName, meta } from './common';

/**
 * Deployment events for annotations: one row per deployment with a deployment date, in Grafana's
 * annotation frame shape (`time`, `title`, `text`, `tags`), so Grafana's standard annotation
 * processing turns each row into an event on the time series — "when did this model go live".
 */
export function deploymentEventsFrame(deployments: Deployment[], parsed: string[] = []): DataFrame {
  const dated = deployments
    .filter((d): d is Deployment & { deploymentDate: number } => d.deploymentDate !== null)
    .sort((a, b) => a.deploymentDate - b.deploymentDate);
  const models = (d: Deployment) => d.models.map((m) => `${m.name} v${m.version}`).join(', ');
  return createDataFrame({
    name: 'Deployment events',
    meta: meta(FrameKind.DeploymentEvents, { parsed }),
    fields: [
      { name: FIELD.time, type: FieldType.time, values: dated.map((d) => d.deploymentDate), config: {} },
      {
        name: FIELD.title,
        type: FieldType.string,
        values: dated.map((d) => `Deployed ${deploymentName(d)}`),
        config: { displayNameFromDS: 'Title' },
      },
      {
        name: FIELD.text,
        type: FieldType.string,
        values: dated.map((d) => [d.type, d.mode, d.environment, models(d)].filter(Boolean).join(' · ')),
        config: { displayNameFromDS: 'Text' },
      },
      {
        name: FIELD.tags,
        type: FieldType.other,
        values: dated.map((d) => ['deployment', d.type, d.environment].filter(Boolean)),
        config: { displayNameFromDS: 'Tags' },
      },
      { name: FIELD.id, type: FieldType.string, values: dated.map((d) => d.id), config: { displayNameFromDS: 'ID' } },
    ],
  });
}
