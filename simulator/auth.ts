import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWSAlgorithm,
  type JWTVerifyGetKey,
} from 'jose';
import { Grpc, type GrpcCode } from './errors';

/**
 * Bearer-token validation as the gateway does it: signature against the identity provider's key
 * set (Keycloak: `<realm>/protocol/openid-connect/certs`), expiry, and optionally issuer and
 * audience. There is deliberately no switch to turn it off: the data source must always send a
 * token, and the demo must exercise the real token flow.
 */

export interface AuthOptions {
  /** URL of a JSON Web Key Set, e.g. Keycloak's `/realms/<realm>/protocol/openid-connect/certs`. */
  jwksUrl?: string;
  /** A key set given directly (tests use a locally generated key): jose's key function or a JWKS. */
  jwks?: JWTVerifyGetKey | JSONWebKeySet;
  /** Required `iss` claim, when set. */
  issuer?: string;
  /** Required `aud` claim (one of the token's audiences), when set. */
  audience?: string;
}

/** Outcome of checking a request; messages say why but never contain the token. */
export type AuthResult = { ok: true } | { ok: false; code: GrpcCode; message: string };

export type Authenticator = (authorization: string | undefined) => Promise<AuthResult>;

/** Asymmetric algorithms only: a shared-secret (HS*) token can never match a public key set. */
const ALGORITHMS: JWSAlgorithm[] = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];

/** Builds the request checker; throws when no key source is configured. */
export function createAuthenticator(options: AuthOptions): Authenticator {
  const keys = keySource(options);
  return async (authorization) => {
    const match = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(authorization ?? '');
    if (!authorization) {
      return deny('missing bearer token: send "Authorization: Bearer <access token>"');
    }
    if (!match) {
      return deny('the Authorization header is not a bearer token');
    }
    try {
      await jwtVerify(match[1], keys, {
        algorithms: ALGORITHMS,
        issuer: options.issuer,
        audience: options.audience,
        requiredClaims: ['exp'],
        clockTolerance: 5,
      });
      return { ok: true };
    } catch (e) {
      return explain(e);
    }
  };
}

function keySource(options: AuthOptions): JWTVerifyGetKey {
  if (options.jwks) {
    return typeof options.jwks === 'function' ? options.jwks : createLocalJWKSet(options.jwks);
  }
  if (options.jwksUrl) {
    return createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 });
  }
  throw new Error('a key set is required (jwksUrl or jwks): the simulator has no unauthenticated mode');
}

const deny = (message: string): AuthResult => ({ ok: false, code: Grpc.UNAUTHENTICATED, message });

/** Maps jose's failures to a reason a user can act on. */
function explain(e: unknown): AuthResult {
  if (e instanceof errors.JWTExpired) {
    return deny('token expired');
  }
  if (e instanceof errors.JWTClaimValidationFailed) {
    switch (e.claim) {
      case 'iss':
        return deny('unexpected token issuer');
      case 'aud':
        return deny('unexpected token audience');
      case 'nbf':
        return deny('token not yet valid');
      default:
        return deny(`token claim "${e.claim}" is invalid (${e.reason})`);
    }
  }
  if (e instanceof errors.JWSSignatureVerificationFailed) {
    return deny('token signature verification failed');
  }
  if (e instanceof errors.JWKSNoMatchingKey || e instanceof errors.JWKSMultipleMatchingKeys) {
    return deny('no signing key of the identity provider matches the token');
  }
  if (e instanceof errors.JOSEAlgNotAllowed || e instanceof errors.JOSENotSupported) {
    return deny('token signing algorithm not allowed');
  }
  if (e instanceof errors.JWKSTimeout || e instanceof errors.JWKSInvalid || !(e instanceof errors.JOSEError)) {
    // Not the caller's fault: the key set could not be fetched or read.
    return { ok: false, code: Grpc.UNAVAILABLE, message: 'cannot load the identity provider signing keys' };
  }
  return deny('malformed token');
}
