import {
  rawGetMonitoredDeploymentSchema,
  rawGetMonitoredModelsSchema,
  rawListMonitoredDeploymentsSchema,
  type RawDeployment,
  type RawModel,
} from '../gateway/rawTypes';
import type { Deployment, DeploymentPage, Model, ModelPage } from './domain';
import { NOTE, ParseNotes } from './notes';
import { parseTime } from './dateTime';
import { ResponseShapeError, optionalText, parseCount } from './scalars';
import { decode, valueOrShapeError } from './decode';

/**
 * Pure parsers: raw response body (unknown) → validated raw shape → typed domain object.
 * Every failure is a {@link ResponseShapeError} whose message names the JSON path, so a user
 * sees "deployment[2].models[0].averageScoringRequests: expected number" rather than a crash.
 * What was read leniently or replaced by "no value" is listed in the object's `notices`.
 */

/**
 * ApiSTATUS by enum number, in the order the official client's OpenAPI lists it (protoc-gen-openapiv2
 * keeps the proto declaration order; the numbers themselves are an assumption, see README).
 */
export const STATUS_BY_NUMBER = ['UNKNOWN', 'HEALTHY', 'FAILING', 'AT_RISK'] as const;

function parseStatus(raw: string | number | null | undefined, path: string, notes: ParseNotes): string {
  if (typeof raw === 'number') {
    notes.add(NOTE.statusAsNumber, path);
    return STATUS_BY_NUMBER[raw] ?? `STATUS_${raw}`;
  }
  return optionalText(raw) || 'UNKNOWN';
}

function parseModel(raw: RawModel, path: string, notes: ParseNotes): Model {
  return {
    name: optionalText(raw.registeredModelName),
    version: optionalText(raw.registeredModelVersion),
    driftStatus: parseStatus(raw.driftStatus, `${path}.driftStatus`, notes),
    accuracy: parseStatus(raw.accuracy, `${path}.accuracy`, notes),
    averageScoringRequests: parseCount(raw.averageScoringRequests, `${path}.averageScoringRequests`, notes, 'int32'),
  };
}

function parseDeployment(raw: RawDeployment, path: string, notes: ParseNotes): Deployment {
  const id = optionalText(raw.id);
  if (!id) {
    throw new ResponseShapeError('deployment without an id', path);
  }
  return {
    id,
    name: optionalText(raw.name),
    description: optionalText(raw.description),
    mode: optionalText(raw.mode),
    environment: optionalText(raw.environment),
    type: optionalText(raw.type),
    problemType: optionalText(raw.problemType),
    models: (raw.models ?? []).map((m, i) => parseModel(m, `${path}.models[${i}]`, notes)),
    deploymentDate: parseTime(raw.deploymentDate, `${path}.deploymentDate`, notes),
    projectId: optionalText(raw.projectId),
    monitoringEnabled: raw.monitoringEnabled ?? null,
    storeScoringData: raw.storeScoringData ?? null,
  };
}

/**
 * Rows that can be read; a row that cannot (a deployment without an id, a malformed date) is left
 * out with a notice naming why, instead of failing the whole list.
 */
function readableRows<R, T>(rows: R[], path: string, notes: ParseNotes, parse: (row: R, rowPath: string) => T): T[] {
  const out: T[] = [];
  rows.forEach((row, i) => {
    const read = valueOrShapeError(() => parse(row, `${path}[${i}]`));
    if (read instanceof ResponseShapeError) {
      notes.add(`${NOTE.rowSkipped}: ${read.message}`, `${path}[${i}]`);
    } else {
      out.push(read);
    }
  });
  return out;
}

export function parseDeploymentPage(body: unknown): DeploymentPage {
  const raw = decode(rawListMonitoredDeploymentsSchema, body, 'list of deployments');
  const notes = new ParseNotes();
  const deployments = readableRows(raw.deployment ?? [], 'deployment', notes, (d, path) =>
    parseDeployment(d, path, notes)
  );
  return {
    deployments,
    // Display-only totals: one the page cannot represent is no value with a notice, not a failed list.
    totalDeployments: displayTotal(raw.totalDeployments, 'totalDeployments', notes),
    totalPredictions: displayTotal(raw.totalPredictions, 'totalPredictions', notes),
    nextPageToken: optionalText(raw.nextPageToken),
    notices: notes.list(),
  };
}

function displayTotal(value: string | number | null | undefined, path: string, notes: ParseNotes): number | null {
  const total = valueOrShapeError(() => parseCount(value, path, notes));
  if (total instanceof ResponseShapeError) {
    notes.add(`A total could not be read (${total.message}); shown as no value`, path);
    return null;
  }
  return total;
}

export function parseDeploymentResponse(body: unknown): Deployment {
  const raw = decode(rawGetMonitoredDeploymentSchema, body, 'deployment');
  if (!raw.deployment) {
    throw new ResponseShapeError('the response has no deployment', 'deployment');
  }
  const notes = new ParseNotes();
  const deployment = parseDeployment(raw.deployment, 'deployment', notes);
  return { ...deployment, notices: notes.list() };
}

export function parseModelPage(body: unknown): ModelPage {
  const raw = decode(rawGetMonitoredModelsSchema, body, 'models of the deployment');
  const notes = new ParseNotes();
  return {
    models: readableRows(raw.model ?? [], 'model', notes, (m, path) => parseModel(m, path, notes)),
    nextPageToken: optionalText(raw.nextPageToken),
    notices: notes.list(),
  };
}

export { parseDriftFrequencies, parseDriftMetrics, parseDriftSeries, parseDriftSummary } from './drift';
export { parseHealthMetrics, parseHealthPredictionValues, parseHealthPredictions, parseHealthSummary } from './health';
export { OPERATIONAL_GRAPH_PARSERS, parseOperationalSummary, parseOperationalTotals } from './operational';
