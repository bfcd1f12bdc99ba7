import type { LogicalType } from '../../shared/drift';
import { ParseNotes } from '../parse/notes';
import { ResponseShapeError, parseCount } from '../parse/scalars';
import type { Page } from './domain';
import type { RawInt64 } from './rawTypes';

/**
 * Scalar readers shared by the 1.x parsers. Protobuf's JSON mapping omits fields at their default
 * (0, false, ""), so an absent number inside a present message is 0 — not "no value"; anything
 * present must be what the model says, or the parser throws a ResponseShapeError naming the JSON
 * path (shown to the user as a bad response), never a silently wrong number.
 */

export const LOGICAL_TYPES: readonly LogicalType[] = [
  'LOGICAL_TYPE_UNSPECIFIED',
  'NUMERICAL',
  'CATEGORICAL',
  'DATETIME',
  'TEXT',
  'IMAGE',
  'TIMESTAMP',
  'ID',
];

export const NOTE_1X = {
  unknownLogicalType: 'The server sent an unknown logical type; the column is treated as unspecified (no drift)',
  nonFinite: 'The server sent NaN or ±Infinity in an aggregate; read as 0',
} as const;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body as an object, or a shape error naming what was expected. */
export function requireObject(body: unknown, path: string, what: string): Record<string, unknown> {
  if (!isObject(body)) {
    throw new ResponseShapeError(`expected ${what} (a JSON object), got ${describe(body)}`, path);
  }
  return body;
}

export function describe(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** An optional array field: absent means empty (protobuf omits empty repeated fields). */
export function arrayField(value: unknown, path: string): unknown[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw new ResponseShapeError(`expected an array, got ${describe(value)}`, path);
  }
  return value;
}

export function stringField(value: unknown, path: string): string {
  if (value === undefined || value === null) {
    return '';
  }
  if (typeof value !== 'string') {
    throw new ResponseShapeError(`expected a string, got ${describe(value)}`, path);
  }
  return value;
}

export function requireString(value: unknown, path: string): string {
  const text = stringField(value, path);
  if (!text) {
    throw new ResponseShapeError('missing required string', path);
  }
  return text;
}

export function boolField(value: unknown, path: string): boolean | null {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value !== 'boolean') {
    throw new ResponseShapeError(`expected true or false, got ${JSON.stringify(value)}`, path);
  }
  return value;
}

/** A double (JSON number, or a numeric string as protobuf writes NaN/Infinity); absent is 0. */
export function doubleField(value: unknown, path: string, notes: ParseNotes): number {
  if (value === undefined || value === null) {
    return 0;
  }
  const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof parsed !== 'number' || Number.isNaN(parsed)) {
    if (['NaN', 'Infinity', '-Infinity'].includes(String(value))) {
      notes.add(NOTE_1X.nonFinite, path);
      return 0;
    }
    throw new ResponseShapeError(`expected a number, got ${JSON.stringify(value)}`, path);
  }
  if (!Number.isFinite(parsed)) {
    notes.add(NOTE_1X.nonFinite, path);
    return 0;
  }
  return parsed;
}

/** A count (int64 as a string or a number); absent is 0; negative or fractional is refused. */
export function countField(value: unknown, path: string, notes: ParseNotes): number {
  if (value === undefined || value === null || value === '') {
    return 0;
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new ResponseShapeError(`expected a count, got ${describe(value)}`, path);
  }
  const parsed = parseCount(value as RawInt64, path, notes);
  if (parsed === null) {
    throw new ResponseShapeError(`expected a count, got ${JSON.stringify(value)}`, path);
  }
  return parsed;
}

/** A V2LogicalType; the enum's ordinal is accepted too (H2O's database stores it so). */
export function logicalTypeField(value: unknown, path: string, notes: ParseNotes): LogicalType {
  if (value === undefined || value === null || value === '') {
    return 'LOGICAL_TYPE_UNSPECIFIED';
  }
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < LOGICAL_TYPES.length) {
    return LOGICAL_TYPES[value];
  }
  if (typeof value === 'string' && (LOGICAL_TYPES as readonly string[]).includes(value)) {
    return value as LogicalType;
  }
  notes.add(NOTE_1X.unknownLogicalType, path);
  return 'LOGICAL_TYPE_UNSPECIFIED';
}

/** The id at the end of a resource name: `workspaces/w1/deployments/d1` → `d1`. */
export function lastSegment(name: string): string {
  const parts = name.split('/');
  return parts[parts.length - 1];
}

/** The segment after `collection` in a resource name, or "" when absent. */
export function segmentAfter(name: string, collection: string): string {
  const parts = name.split('/');
  const at = parts.indexOf(collection);
  return at >= 0 && at + 1 < parts.length ? parts[at + 1] : '';
}

/**
 * A list page: the items under `key` parsed one by one (path `key[i]`), and `nextPageToken`.
 * One bad item fails the page: a list with a silently dropped row would be a wrong number.
 */
export function parsePage<T>(
  body: unknown,
  key: string,
  what: string,
  parseItem: (raw: unknown, path: string, notes: ParseNotes) => T
): Page<T> {
  const object = requireObject(body, '', what);
  const notes = new ParseNotes();
  const items = arrayField(object[key], key).map((raw, i) => parseItem(raw, `${key}[${i}]`, notes));
  return { items, nextPageToken: stringField(object.nextPageToken, 'nextPageToken'), notices: notes.list() };
}
