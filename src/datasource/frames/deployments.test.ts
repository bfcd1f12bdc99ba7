import { FieldType } from '@grafana/data';

import deploymentsPage1 from '../../../tests/fixtures/gateway/deployments-page1.json';
import { FIELD, FrameKind, FRAME_SCHEMA_VERSION } from '../../shared/frameSchema';
import type { Deployment } from '../parse/domain';
import { parseDeploymentPage } from '../parse/parseResponses';
import { deploymentsFrame, modelsFrame } from './deployments';

// credit-risk (named, one model, monitoring flags set) and an unnamed ("-") shadow deployment with two
// models and no monitoring flags (a gateway older than 0.65).
const [creditRisk, shadow] = parseDeploymentPage(deploymentsPage1).deployments;

const fieldsOf = (frame: ReturnType<typeof deploymentsFrame>) =>
  frame.fields.map(({ name, type, values, labels, config }) => ({ name, type, values, labels, config }));

describe('deploymentsFrame: the deployments table dashboards read', () => {
  it('is named "Deployments", has no warnings without parser notes, and these columns in this order', () => {
    const frame = deploymentsFrame([creditRisk, shadow]);
    expect(frame.name).toBe('Deployments');
    expect(frame.meta).toStrictEqual({
      type: undefined,
      custom: { kind: FrameKind.Deployments, frameSchemaVersion: FRAME_SCHEMA_VERSION },
      notices: undefined,
    });
    const column = (name: string, type: FieldType, values: unknown[], config: object) => ({
      name,
      type,
      values,
      labels: undefined,
      config,
    });
    expect(fieldsOf(frame)).toStrictEqual([
      column(FIELD.id, FieldType.string, [creditRisk.id, shadow.id], { displayNameFromDS: 'ID' }),
      column(FIELD.name, FieldType.string, ['credit-risk', '-'], { displayNameFromDS: 'Name' }),
      column(FIELD.type, FieldType.string, ['singleDeployment', 'shadowDeployment'], { displayNameFromDS: 'Type' }),
      column(FIELD.mode, FieldType.string, ['real time', 'real time'], { displayNameFromDS: 'Mode' }),
      column(FIELD.environment, FieldType.string, ['PROD', 'DEV'], { displayNameFromDS: 'Environment' }),
      column(FIELD.problemType, FieldType.string, ['binomial', 'binomial'], { displayNameFromDS: 'Problem type' }),
      column(
        FIELD.deploymentDate,
        FieldType.time,
        [Date.parse('2026-10-01T12:00:00.123Z'), Date.parse('2026-11-01T06:30:00Z')],
        {
          displayNameFromDS: 'Deployed',
        }
      ),
      column(FIELD.monitoringEnabled, FieldType.boolean, [true, null], { displayNameFromDS: 'Monitoring' }),
      column(FIELD.storeScoringData, FieldType.boolean, [true, null], { displayNameFromDS: 'Stores scoring data' }),
      column(FIELD.modelCount, FieldType.number, [1, 2], { displayNameFromDS: 'Models', decimals: 0 }),
      column(FIELD.worstStatus, FieldType.string, ['HEALTHY', 'FAILING'], { displayNameFromDS: 'Worst model status' }),
      column(FIELD.description, FieldType.string, ['Scores loan applications', ''], {
        displayNameFromDS: 'Description',
      }),
      column(FIELD.projectId, FieldType.string, ['p-1', 'p-2'], { displayNameFromDS: 'Project' }),
    ]);
  });

  it("carries the parser's notes as warnings", () => {
    expect(deploymentsFrame([creditRisk], ['row 3 left out']).meta?.notices).toStrictEqual([
      { severity: 'warning', text: 'row 3 left out' },
    ]);
  });
});

describe('modelsFrame: the models of one deployment and their roles', () => {
  // The unnamed deployment is labelled by its id, as in the series labels of its other frames.
  const labels = { deployment_id: shadow.id, deployment: shadow.id };

  it('lists each model with its role, every column labelled with the deployment', () => {
    const frame = modelsFrame(shadow, shadow.models, ['champion', 'challenger']);
    expect(frame.meta).toStrictEqual({
      type: undefined,
      custom: { kind: FrameKind.Models, frameSchemaVersion: FRAME_SCHEMA_VERSION },
      notices: undefined,
    });
    const column = (name: string, type: FieldType, values: unknown[], displayNameFromDS: string) => ({
      name,
      type,
      values,
      labels,
      config: { displayNameFromDS },
    });
    expect(fieldsOf(frame)).toStrictEqual([
      column(FIELD.model, FieldType.string, ['churn-gbm', 'churn-dnn'], 'Model'),
      column(FIELD.modelVersion, FieldType.string, ['7', '2'], 'Version'),
      column(FIELD.role, FieldType.string, ['champion', 'challenger'], 'Role'),
      column(FIELD.driftStatus, FieldType.string, ['AT_RISK', 'FAILING'], 'Drift status'),
      column(FIELD.accuracyStatus, FieldType.string, ['HEALTHY', 'UNKNOWN'], 'Accuracy'),
      column(FIELD.averageScoringRequests, FieldType.number, [10, 10], 'Avg scoring requests'),
    ]);
  });

  it('gives a model without a role an empty role, not a made-up one', () => {
    const frame = modelsFrame(shadow, shadow.models, ['champion']);
    expect(frame.fields.find((f) => f.name === FIELD.role)?.values).toEqual(['champion', '']);
  });

  it('carries the deployment notes first, then the list notes, as warnings', () => {
    const noted: Deployment = { ...creditRisk, notices: ['deployment note'] };
    expect(modelsFrame(noted, noted.models, [], ['list note']).meta?.notices).toStrictEqual([
      { severity: 'warning', text: 'deployment note' },
      { severity: 'warning', text: 'list note' },
    ]);
  });

  it('is named after the deployment, or its id when it has no name ("-" or empty)', () => {
    expect(modelsFrame(creditRisk, creditRisk.models, []).name).toBe('Models – credit-risk');
    expect(modelsFrame(shadow, shadow.models, []).name).toBe(`Models – ${shadow.id}`);
    expect(modelsFrame({ ...shadow, name: '' }, shadow.models, []).name).toBe(`Models – ${shadow.id}`);
  });
});
