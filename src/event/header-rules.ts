/**
 * The header-name lists of reference §3.2–§3.5, as lower-case sets built at load.
 */
import type { LambdaEventType } from './types.js';

// §3.2: never exposed to Lambda@Edge; adding one fails validation. `*` entries are prefixes.
const DISALLOWED = new Set([
  'connection', 'expect', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'trailer', 'upgrade',
  'x-accel-buffering', 'x-accel-charset', 'x-accel-limit-rate', 'x-accel-redirect', 'x-amzn-auth', 'x-amzn-cf-billing',
  'x-amzn-cf-id', 'x-amzn-cf-xff', 'x-amzn-errortype', 'x-amzn-fle-profile', 'x-amzn-header-count', 'x-amzn-header-order',
  'x-amzn-lambda-integration-tag', 'x-amzn-requestid', 'x-cache', 'x-forwarded-proto', 'x-real-ip',
]);
const DISALLOWED_PREFIXES: readonly string[] = ['x-amz-cf-', 'x-edge-'];

/** §3.2: whether a lower-case header name is disallowed in Lambda@Edge events and results. */
export function isDisallowedHeader(lowerName: string): boolean {
  if (DISALLOWED.has(lowerName)) return true;
  for (const prefix of DISALLOWED_PREFIXES) if (lowerName.startsWith(prefix)) return true;
  return false;
}

// §3.4: names an origin custom header may not have (in `origin.*.customHeaders` too).
const ORIGIN_CUSTOM_DENIED = new Set([
  'cache-control', 'connection', 'content-length', 'cookie', 'host', 'if-match', 'if-modified-since', 'if-none-match',
  'if-range', 'if-unmodified-since', 'max-forwards', 'pragma', 'proxy-authorization', 'proxy-connection', 'range',
  'request-range', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'via', 'x-real-ip',
]);
const ORIGIN_CUSTOM_DENIED_PREFIXES: readonly string[] = ['x-amz-', 'x-edge-'];

/** §3.4: whether a lower-case name may not be used as an origin custom header. */
export function isDeniedOriginCustomHeader(lowerName: string): boolean {
  if (ORIGIN_CUSTOM_DENIED.has(lowerName)) return true;
  for (const prefix of ORIGIN_CUSTOM_DENIED_PREFIXES) if (lowerName.startsWith(prefix)) return true;
  return false;
}

// §3.3 (current guide): read-only headers per Lambda@Edge event type.
const READ_ONLY: Readonly<Record<LambdaEventType, readonly string[]>> = {
  'viewer-request': ['cdn-loop', 'content-length', 'host', 'transfer-encoding', 'via'],
  'origin-request': [
    'accept-encoding', 'cdn-loop', 'content-length', 'if-modified-since', 'if-none-match', 'if-range', 'if-unmodified-since',
    'transfer-encoding', 'via',
  ],
  'origin-response': ['transfer-encoding', 'via'],
  'viewer-response': ['warning', 'via', 'content-length', 'content-encoding', 'transfer-encoding'],
};

/** §3.3: the lower-case read-only header names of an event type. */
export function readOnlyHeadersOf(eventType: LambdaEventType): readonly string[] {
  return READ_ONLY[eventType];
}
