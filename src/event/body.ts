import type { CfRequestBody } from './types.js';

/** §1.7, §4: how much of a request body CloudFront exposes to each request event. */
export const BODY_EXPOSURE_LIMIT = { 'viewer-request': 40 * 1024, 'origin-request': 1024 * 1024 } as const;

/**
 * §1.7, §4, D9: the body as a request event exposes it: base64, truncated at 40 KB (viewer) / 1 MB (origin)
 * with `inputTruncated: true`. An empty body still gives the object (D9). Keys in the order AWS prints them.
 */
export function exposeBody(body: Buffer, eventType: 'viewer-request' | 'origin-request'): CfRequestBody {
  const limit = BODY_EXPOSURE_LIMIT[eventType];
  const inputTruncated = body.length > limit;
  const data = (inputTruncated ? body.subarray(0, limit) : body).toString('base64');
  return { action: 'read-only', data, encoding: 'base64', inputTruncated };
}
