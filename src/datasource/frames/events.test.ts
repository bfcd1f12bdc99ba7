import deploymentsPage1 from '../../../tests/fixtures/gateway/deployments-page1.json';
import { FIELD, FrameKind } from '../../shared/frameSchema';
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
