import type { KeyObject } from 'node:crypto';

/** Issue 11: a behavior's trusted public keys (TrustedKeyGroups → keyGroups → publicKeys), by public key ID. */
export type TrustedKeys = ReadonlyMap<string, KeyObject>;

/** The signing values of one request, from its query string or, failing that, its cookies. */
export interface SignedParams {
  keyPairId?: string;
  signature?: string;
  expires?: string;
  policy?: string;
  hashAlgorithm?: string;
}

/** CloudFront's refusal of a signed request: the code and message of its XML error body (403). */
export interface SigningFailure {
  code: 'MissingKey' | 'InvalidKey' | 'MalformedSignature' | 'MalformedPolicy' | 'AccessDenied';
  message: string;
  /** What edge-dev logs: why, in words. */
  reason: string;
}
