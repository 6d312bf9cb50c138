import { verify } from 'node:crypto';
import { parsePolicyStatement, resourceMatches, sourceIpMatches } from './policy-statement.js';
import { decodeUrlSafeBase64 } from './url-safe-base64.js';
import type { SignedParams, SigningFailure, TrustedKeys } from './types.js';

/** What the request looks like to the signature check. */
export interface SignedRequest {
  params: SignedParams;
  /** The URLs the signed resource may be (`https://host/path?query` without the signing parameters). */
  urls: readonly string[];
  clientIp: string;
  /** Seconds since the epoch. */
  now: number;
}

// The texts of CloudFront's XML 403 bodies, as real distributions send them.
const MISSING_KEY: SigningFailure = { code: 'MissingKey', message: 'Missing Key-Pair-Id query parameter or cookie value', reason: 'no Key-Pair-Id' };
const denied = (reason: string): SigningFailure => ({ code: 'AccessDenied', message: 'Access denied', reason });

function cannedPolicy(url: string, expires: number): string {
  return `{"Statement":[{"Resource":${JSON.stringify(url)},"Condition":{"DateLessThan":{"AWS:EpochTime":${expires}}}}]}`;
}

/**
 * Issue 11 (dg:private-content-signed-urls, dg:private-content-creating-signed-url-canned-policy and -custom-policy):
 * whether a signed URL or signed cookies let the request through, or CloudFront's refusal. The key must be in the
 * behavior's trusted key groups; RSA and ECDSA keys; SHA1 unless `Hash-Algorithm` is SHA256.
 */
export function verifySignedRequest(request: SignedRequest, keys: TrustedKeys): SigningFailure | undefined {
  const { params } = request;
  if (params.keyPairId === undefined || params.keyPairId === '') return MISSING_KEY;
  const key = keys.get(params.keyPairId);
  if (key === undefined) return { code: 'InvalidKey', message: 'Unknown Key', reason: `public key ${params.keyPairId} is not in the behavior's trusted key groups` };
  if (params.signature === undefined) return denied('no Signature');
  const signature = decodeUrlSafeBase64(params.signature);
  if (signature === undefined) return { code: 'MalformedSignature', message: 'Could not unencode Signature', reason: 'the Signature is not URL-safe base64' };
  const algorithm = params.hashAlgorithm === undefined || params.hashAlgorithm === 'SHA1' ? 'sha1' : params.hashAlgorithm === 'SHA256' ? 'sha256' : undefined;
  if (algorithm === undefined) return denied(`Hash-Algorithm ${params.hashAlgorithm} is neither SHA1 nor SHA256`);
  const signed = (data: Buffer | string) => verify(algorithm, typeof data === 'string' ? Buffer.from(data) : data, key, signature);
  if (params.policy !== undefined) {
    const policy = decodeUrlSafeBase64(params.policy);
    const statement = policy && parsePolicyStatement(policy.toString('utf8'));
    if (!policy || !statement) return { code: 'MalformedPolicy', message: 'Malformed Policy', reason: 'the Policy is not a one-statement policy' };
    if (!signed(policy)) return denied('the signature does not match the policy');
    if (request.now >= statement.dateLessThan) return denied(`expired at ${new Date(statement.dateLessThan * 1000).toISOString()}`);
    if (statement.dateGreaterThan !== undefined && request.now < statement.dateGreaterThan) return denied('not valid yet (DateGreaterThan)');
    if (statement.sourceIp !== undefined && !sourceIpMatches(statement.sourceIp, request.clientIp)) return denied(`viewer ${request.clientIp} is outside ${statement.sourceIp}`);
    if (!request.urls.some((url) => resourceMatches(statement.resource, url))) return denied(`the policy's Resource does not match ${request.urls[0]}`);
    return undefined;
  }
  const expires = Number(params.expires);
  if (params.expires === undefined || !Number.isInteger(expires)) return denied('neither Policy nor a valid Expires');
  if (!request.urls.some((url) => signed(cannedPolicy(url, expires)))) return denied(`the signature does not match ${request.urls[0]} with Expires ${expires}`);
  if (request.now >= expires) return denied(`expired at ${new Date(expires * 1000).toISOString()}`);
  return undefined;
}
