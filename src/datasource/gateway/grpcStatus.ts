/**
 * gRPC status codes as grpc-gateway sends them in error bodies (`{code, message, details}`): as
 * numbers (its default marshaller) or as enum names (`"NOT_FOUND"`, with `EmitUnpopulated`/enum
 * strings). Mapped to the HTTP status grpc-gateway itself would have used
 * (runtime.HTTPStatusFromCode), so one classification serves both the status and the body.
 */
const CODE_NAMES = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
] as const;

/** grpc-gateway's runtime.HTTPStatusFromCode, indexed by code. */
const HTTP_STATUS = [200, 499, 500, 400, 504, 404, 409, 403, 429, 400, 409, 400, 501, 500, 503, 500, 401];

/** The numeric gRPC code of a number, a numeric string or an enum name; undefined if none. */
export function grpcCode(code: unknown): number | undefined {
  if (typeof code === 'number') {
    return Number.isInteger(code) ? code : undefined;
  }
  if (typeof code !== 'string') {
    return undefined;
  }
  const text = code.trim();
  if (/^\d+$/.test(text)) {
    return Number(text);
  }
  const index = (CODE_NAMES as readonly string[]).indexOf(text.toUpperCase());
  return index >= 0 ? index : undefined;
}

/** The HTTP status grpc-gateway maps a gRPC code to (500 for codes it does not know). */
export function httpStatusOfGrpcCode(code: number): number {
  return HTTP_STATUS[code] ?? 500;
}

/**
 * A grpc-gateway error body: `code` set and not OK, beside a `message` or `details`. No success
 * answer of the model-monitoring API has a top-level `code`, so this cannot mistake data for an error.
 */
export function grpcErrorOf(body: unknown): { code: number; message: string } | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('code' in body)) {
    return undefined;
  }
  const record = body as Record<string, unknown>;
  const code = grpcCode(record.code);
  if (code === undefined || code === 0 || !('message' in record || 'details' in record)) {
    return undefined;
  }
  return { code, message: typeof record.message === 'string' ? record.message : '' };
}
