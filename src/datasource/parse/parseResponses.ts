import {
  rawGetMonitoredDeploymentSchema,
  rawGetMonitoredModelsSchema,
  rawListMonitoredDeploymentsSchema,
  type RawDeployment,
  type RawModel,
} from '../gateway/rawTypes';
import type { Deployment, DeploymentPage, Model, ModelPage } from './domain';
import { NOTE, ParseNotes } from './notes';
import { parseTime, plainTime } from './dateTime';
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

/** `path` names the model; the field's path is built only for a note. */
function parseStatus(raw: string | number | null | undefined, path: string, field: string, notes: ParseNotes): string {
  if (typeof raw === 'number') {
    notes.add(NOTE.statusAsNumber, `${path}.${field}`);
    return STATUS_BY_NUMBER[raw] ?? `STATUS_${raw}`;
  }
  return optionalText(raw) || 'UNKNOWN';
}

/**
 * An int32 count of the model at `path`: a JSON integer ≥ 0 is taken as it is (nothing to note, so
 * no path is built — a fleet list has thousands); anything else is parseCount's.
 */
function int32Count(raw: string | number | null | undefined, path: string, field: string, notes: ParseNotes) {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral: a fast path only; for every value it declines, parseCount gives the same count and no note
  return typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0
    ? raw
    : parseCount(raw, `${path}.${field}`, notes, 'int32');
}

function parseModel(raw: RawModel, path: string, notes: ParseNotes): Model {
  return {
    name: optionalText(raw.registeredModelName),
    version: optionalText(raw.registeredModelVersion),
    driftStatus: parseStatus(raw.driftStatus, path, 'driftStatus', notes),
    accuracy: parseStatus(raw.accuracy, path, 'accuracy', notes),
    averageScoringRequests: int32Count(raw.averageScoringRequests, path, 'averageScoringRequests', notes),
  };
}

/**
 * The models of one deployment. A function of the module rather than a closure made per
 * deployment: V8 keeps a function's optimised code only while the function lives.
 */
function parseModels(raws: RawModel[], path: string, notes: ParseNotes): Model[] {
  const models: Model[] = [];
  for (let i = 0; i < raws.length; i++) {
    models.push(parseModel(raws[i], `${path}[${i}]`, notes));
  }
  return models;
}

/** The path only when the general path reads the time (plainTime needs none and notes nothing). */
function deploymentTime(value: string | null | undefined, path: string, notes: ParseNotes): number | null {
  const plain = plainTime(value);
  // Stryker disable next-line ConditionalExpression: parseTime gives plainTime's value for every text plainTime reads
  return Number.isNaN(plain) ? parseTime(value, `${path}.deploymentDate`, notes) : plain;
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
    models: parseModels(raw.models ?? [], `${path}.models`, notes),
    deploymentDate: deploymentTime(raw.deploymentDate, path, notes),
    projectId: optionalText(raw.projectId),
    monitoringEnabled: raw.monitoringEnabled ?? null,
    storeScoringData: raw.storeScoringData ?? null,
  };
}

/**
 * Rows that can be read; a row that cannot (a deployment without an id, a malformed date) is left
 * out with a notice naming why, instead of failing the whole list. `parse` is a function of the
 * module, not a closure made per page: V8 keeps a function's optimised code only while it lives.
 */
function readableRows<R, T>(
  rows: R[],
  path: string,
  notes: ParseNotes,
  parse: (row: R, rowPath: string, notes: ParseNotes) => T
): T[] {
  const out: T[] = [];
  for (let i = 0; i < rows.length; i++) {
    const rowPath = `${path}[${i}]`;
    const read = valueOrShapeError(() => parse(rows[i], rowPath, notes));
    if (read instanceof ResponseShapeError) {
      notes.add(`${NOTE.rowSkipped}: ${read.message}`, rowPath);
    } else {
      out.push(read);
    }
  }
  return out;
}

export function parseDeploymentPage(body: unknown): DeploymentPage {
  const raw = decode(rawListMonitoredDeploymentsSchema, body, 'list of deployments');
  const notes = new ParseNotes();
  const deployments = readableRows(raw.deployment ?? [], 'deployment', notes, parseDeployment);
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
    models: readableRows(raw.model ?? [], 'model', notes, parseModel),
    nextPageToken: optionalText(raw.nextPageToken),
    notices: notes.list(),
  };
}

export { parseDriftFrequencies, parseDriftMetrics, parseDriftSeries, parseDriftSummary } from './drift';
export { parseHealthMetrics, parseHealthPredictionValues, parseHealthPredictions, parseHealthSummary } from './health';
export { OPERATIONAL_GRAPH_PARSERS, parseOperationalSummary, parseOperationalTotals } from './operational';
