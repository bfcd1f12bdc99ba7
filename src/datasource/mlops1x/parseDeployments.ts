import { ParseNotes } from '../parse/notes';
import { parseTime } from '../parse/dateTime';
import { ResponseShapeError } from '../parse/scalars';
import type {
  Deployment,
  DeploymentExperiment,
  DeploymentMode,
  DeploymentStatus,
  MonitoredColumn,
  Page,
  Workspace,
} from './domain';
import {
  arrayField,
  boolField,
  countField,
  doubleField,
  isObject,
  lastSegment,
  logicalTypeField,
  parsePage,
  requireObject,
  requireString,
  segmentAfter,
  stringField,
} from './parseCommon';

/**
 * Parsers of the authz and deployer answers (workspaces, deployments, statuses, the monitoring
 * configuration): raw JSON → domain objects, throwing ResponseShapeError on a broken shape.
 */

function optionalTime(value: unknown, path: string, notes: ParseNotes): number | null {
  return parseTime(stringField(value, path), path, notes);
}

export function parseWorkspace(raw: unknown, path: string, notes: ParseNotes): Workspace {
  const w = requireObject(raw, path, 'a workspace');
  const name = requireString(w.name, `${path}.name`);
  return {
    id: lastSegment(name),
    displayName: stringField(w.displayName, `${path}.displayName`),
    description: stringField(w.description, `${path}.description`),
    createTime: optionalTime(w.createTime, `${path}.createTime`, notes),
  };
}

/** V1ListWorkspacesResponse. */
export function parseWorkspacePage(body: unknown): Page<Workspace> {
  return parsePage(body, 'workspaces', 'a workspace list', parseWorkspace);
}

function experimentOf(raw: unknown, path: string): string {
  const element = requireObject(raw, path, 'a deployment element');
  const composition = requireObject(element.deploymentComposition, `${path}.deploymentComposition`, 'a composition');
  return requireString(composition.experimentId, `${path}.deploymentComposition.experimentId`);
}

/** Experiments with roles: single/shadow primary → champion; split by descending weight. */
function experimentsOf(d: Record<string, unknown>, path: string, notes: ParseNotes) {
  const plain = (experimentId: string, role: DeploymentExperiment['role']): DeploymentExperiment => ({
    experimentId,
    role,
    weight: null,
    effectivePercentage: null,
  });
  if (d.single !== undefined && d.single !== null) {
    return { mode: 'single' as const, experiments: [plain(experimentOf(d.single, `${path}.single`), 'champion')] };
  }
  if (isObject(d.shadow)) {
    return {
      mode: 'shadow' as const,
      experiments: [
        plain(experimentOf(d.shadow.primaryElement, `${path}.shadow.primaryElement`), 'champion'),
        plain(experimentOf(d.shadow.secondaryElement, `${path}.shadow.secondaryElement`), 'challenger'),
      ],
    };
  }
  if (isObject(d.split)) {
    const elements = arrayField(d.split.splitElements, `${path}.split.splitElements`).map((raw, i) => {
      const at = `${path}.split.splitElements[${i}]`;
      const element = requireObject(raw, at, 'a split element');
      return {
        experimentId: experimentOf(raw, at),
        weight: countField(element.weight, `${at}.weight`, notes),
        effectivePercentage:
          element.effectivePercentage === undefined
            ? null
            : doubleField(element.effectivePercentage, `${at}.effectivePercentage`, notes),
        order: i,
      };
    });
    // Stable: equal weights keep the server's order.
    elements.sort((a, b) => b.weight - a.weight || a.order - b.order);
    const experiments = elements.map(({ order: _order, ...e }, i): DeploymentExperiment => ({
      ...e,
      role: i === 0 ? 'champion' : 'challenger',
    }));
    return { mode: 'split' as const, experiments };
  }
  const mode: DeploymentMode = d.external !== undefined && d.external !== null ? 'external' : 'unknown';
  return { mode, experiments: [] };
}

function monitoredColumns(raw: unknown, path: string, notes: ParseNotes): MonitoredColumn[] {
  return arrayField(raw, path).map((c, i) => {
    const column = requireObject(c, `${path}[${i}]`, 'a monitored column');
    return {
      column: requireString(column.column, `${path}[${i}].column`),
      logicalType: logicalTypeField(column.logicalType, `${path}[${i}].logicalType`, notes),
      isModelOutput: boolField(column.isModelOutput, `${path}[${i}].isModelOutput`) ?? false,
    };
  });
}

/** V2Deployment. The resource name `workspaces/{w}/deployments/{d}` is required: it is the id. */
export function parseDeployment(raw: unknown, path: string, notes: ParseNotes): Deployment {
  const d = requireObject(raw, path, 'a deployment');
  const name = requireString(d.name, `${path}.name`);
  const id = segmentAfter(name, 'deployments');
  if (!id) {
    throw new ResponseShapeError(
      `expected workspaces/{id}/deployments/{id}, got ${JSON.stringify(name)}`,
      `${path}.name`
    );
  }
  const monitoring =
    d.monitoringOptions === undefined
      ? undefined
      : requireObject(d.monitoringOptions, `${path}.monitoringOptions`, 'monitoring options');
  return {
    workspaceId: segmentAfter(name, 'workspaces'),
    id,
    displayName: stringField(d.displayName, `${path}.displayName`),
    description: stringField(d.description, `${path}.description`),
    createTime: optionalTime(d.createTime, `${path}.createTime`, notes),
    updateTime: optionalTime(d.updateTime, `${path}.updateTime`, notes),
    creator: stringField(d.creator, `${path}.creator`),
    ...experimentsOf(d, path, notes),
    monitoringEnabled: monitoring
      ? (boolField(monitoring.enabled, `${path}.monitoringOptions.enabled`) ?? false)
      : null,
    monitoredColumns: monitoring
      ? monitoredColumns(monitoring.columns, `${path}.monitoringOptions.columns`, notes)
      : [],
    paused: boolField(d.paused, `${path}.paused`),
  };
}

export function parseDeploymentPage(body: unknown): Page<Deployment> {
  return parsePage(body, 'deployments', 'a deployment list', parseDeployment);
}

/** V2GetDeploymentResponse. */
export function parseGetDeployment(body: unknown): { deployment: Deployment; notices: string[] } {
  const object = requireObject(body, '', 'a deployment answer');
  const notes = new ParseNotes();
  return { deployment: parseDeployment(object.deployment, 'deployment', notes), notices: notes.list() };
}

/** V2GetDeploymentStatusResponse. */
export function parseDeploymentStatus(body: unknown): DeploymentStatus {
  const object = requireObject(body, '', 'a deployment status answer');
  const status = requireObject(object.deploymentStatus, 'deploymentStatus', 'a deployment status');
  const notes = new ParseNotes();
  return {
    state: stringField(status.state, 'deploymentStatus.state') || 'DEPLOYMENT_STATE_UNSPECIFIED',
    message: stringField(status.message, 'deploymentStatus.message'),
    updateTime: optionalTime(status.updateTime, 'deploymentStatus.updateTime', notes),
  };
}

/** V2GetMonitoringConfigResponse: whether monitoring is enabled on this MLOps installation. */
export function parseMonitoringConfig(body: unknown): { enabled: boolean; maxAllowedFeatures: number } {
  const object = requireObject(body, '', 'the monitoring configuration');
  const config =
    object.monitoringConfig === undefined
      ? {}
      : requireObject(object.monitoringConfig, 'monitoringConfig', 'the monitoring configuration');
  const notes = new ParseNotes();
  return {
    enabled: boolField(config.enabled, 'monitoringConfig.enabled') ?? false,
    maxAllowedFeatures: countField(config.maxAllowedFeatures, 'monitoringConfig.maxAllowedFeatures', notes),
  };
}
