import { FieldType } from '@grafana/data';

import deploymentsPage1 from '../../../tests/fixtures/gateway/deployments-page1.json';
import { FIELD, FrameKind, FRAME_SCHEMA_VERSION } from '../../shared/frameSchema';
import { parseDeploymentPage } from '../parse/parseResponses';
import { deploymentEventsFrame } from './events';

describe('deployment events (annotations)', () => {
  const deployments = parseDeploymentPage(deploymentsPage1).deployments;
  const values = (name: string) => deploymentEventsFrame(deployments).fields.find((f) => f.name === name)!.values;

  it("has Grafana's annotation fields, one event per dated deployment, oldest first", () => {
    const frame = deploymentEventsFrame(deployments);
    expect(frame.meta?.custom?.kind).toBe(FrameKind.DeploymentEvents);
    expect(frame.fields.map((f) => f.name)).toEqual([FIELD.time, FIELD.title, FIELD.text, FIELD.tags, FIELD.id]);
    const dated = deployments.filter((d) => d.deploymentDate !== null);
    expect(frame.length).toBe(dated.length);
    expect(values(FIELD.time)).toEqual(dated.map((d) => d.deploymentDate).sort((a, b) => a! - b!));
  });

  it('titles name the deployment, texts its type and models, tags mark it a deployment', () => {
    const first = [...deployments]
      .filter((d) => d.deploymentDate !== null)
      .sort((a, b) => a.deploymentDate! - b.deploymentDate!)[0];
    expect(values(FIELD.title)[0]).toBe(`Deployed ${first.name}`);
    expect(values(FIELD.text)[0]).toContain(`${first.models[0].name} v${first.models[0].version}`);
    expect(values(FIELD.tags)[0]).toContain('deployment');
    expect(values(FIELD.id)[0]).toBe(first.id);
  });

  it('leaves out deployments without a date', () => {
    const undated = { ...deployments[0], deploymentDate: null };
    expect(deploymentEventsFrame([undated]).length).toBe(0);
  });
});

describe('deployment events: the annotation frame Grafana reads', () => {
  const [creditRisk, shadow] = parseDeploymentPage(deploymentsPage1).deployments;
  // A deployment without mode, environment or models: its text and tags skip what is empty.
  const bare = {
    ...creditRisk,
    id: 'd-bare',
    name: 'batch-scorer',
    type: 'splitDeployment',
    mode: '',
    environment: '',
    models: [],
    deploymentDate: Date.parse('2026-09-01T00:00:00Z'),
  };
  const undated = { ...creditRisk, id: 'd-undated', deploymentDate: null };

  it('is named "Deployment events", one row per dated deployment oldest first, with these fields', () => {
    const frame = deploymentEventsFrame([shadow, bare, undated, creditRisk]);
    expect(frame.name).toBe('Deployment events');
    expect(frame.meta).toStrictEqual({
      type: undefined,
      custom: { kind: FrameKind.DeploymentEvents, frameSchemaVersion: FRAME_SCHEMA_VERSION },
      notices: undefined,
    });
    expect(frame.fields.map(({ name, type, values, config }) => ({ name, type, values, config }))).toStrictEqual([
      {
        name: FIELD.time,
        type: FieldType.time,
        values: [bare.deploymentDate, creditRisk.deploymentDate, shadow.deploymentDate],
        config: {},
      },
      {
        name: FIELD.title,
        type: FieldType.string,
        // The unnamed ("-") deployment is titled by its id.
        values: ['Deployed batch-scorer', 'Deployed credit-risk', `Deployed ${shadow.id}`],
        config: { displayNameFromDS: 'Title' },
      },
      {
        name: FIELD.text,
        type: FieldType.string,
        values: [
          'splitDeployment',
          'singleDeployment · real time · PROD · credit-xgb v3',
          'shadowDeployment · real time · DEV · churn-gbm v7, churn-dnn v2',
        ],
        config: { displayNameFromDS: 'Text' },
      },
      {
        name: FIELD.tags,
        type: FieldType.other,
        values: [
          ['deployment', 'splitDeployment'],
          ['deployment', 'singleDeployment', 'PROD'],
          ['deployment', 'shadowDeployment', 'DEV'],
        ],
        config: { displayNameFromDS: 'Tags' },
      },
      {
        name: FIELD.id,
        type: FieldType.string,
        values: ['d-bare', creditRisk.id, shadow.id],
        config: { displayNameFromDS: 'ID' },
      },
    ]);
  });

  it("carries the parser's notes as warnings", () => {
    expect(deploymentEventsFrame([creditRisk], ['row 3 left out']).meta?.notices).toStrictEqual([
      { severity: 'warning', text: 'row 3 left out' },
    ]);
  });
});
