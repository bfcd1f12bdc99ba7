import type { RawGatewayError } from '../src/datasource/gateway/rawTypes';

/** gRPC status codes the simulator emits (grpc-gateway puts them in the error body's `code`). */
export const Grpc = {
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;
export type GrpcCode = (typeof Grpc)[keyof typeof Grpc];

const HTTP_BY_CODE: Record<GrpcCode, number> = {
  3: 400,
  5: 404,
  7: 403,
  8: 429,
  12: 405,
  13: 500,
  14: 503,
  16: 401,
};

/** HTTP status for a gRPC code, as grpc-gateway maps it (UNIMPLEMENTED on a known path → 405). */
export function httpStatusFor(code: GrpcCode): number {
  return HTTP_BY_CODE[code];
}

/** gRPC code for an HTTP status; used when a fault rule gives only a status. */
export function grpcCodeFor(status: number): number {
  const exact = (Object.entries(HTTP_BY_CODE) as Array<[string, number]>).find(([, s]) => s === status);
  if (exact) {
    return Number(exact[0]);
  }
  if (status >= 500) {
    return Grpc.INTERNAL;
  }
  return status >= 400 ? 2 /* UNKNOWN */ : 0; /* OK */
}

/** An API failure carrying its gRPC code; the server turns it into a grpc-gateway error response. */
export class GrpcError extends Error {
  constructor(
    readonly code: GrpcCode,
    message: string
  ) {
    super(message);
    this.name = 'GrpcError';
  }
}

/** grpc-gateway's error body. */
export function errorBody(code: number, message: string): RawGatewayError {
  return { code, message, details: [] };
}

/** Quotes user input in error messages without letting it grow them without bound. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}
