/**
 * @module signing — signed URLs and signed cookies for behaviors with TrustedKeyGroups (issue 11).
 */
export type { SignedParams, SigningFailure, TrustedKeys } from './types.js';
/** Reads the signing values from a query string or the CloudFront-* cookies; the query string without them. */
export { readSignedParams } from './signed-params.js';
/** Checks a signed request against the trusted keys: undefined, or CloudFront's refusal. */
export { verifySignedRequest } from './verify-signed-request.js';
export type { SignedRequest } from './verify-signed-request.js';
