import { CLOUDFRONT_TEXT } from '../errors.js';
import type { CfHeaders } from '../types.js';
import { validationError } from './fail.js';
import { headerBlockBytes } from '../header-block.js';

/** §1.10, §4: headers + body of a generated response, in bytes. */
export const GENERATED_RESPONSE_LIMIT = { 'viewer-request': 40 * 1024, 'origin-request': 1024 * 1024 } as const;

/**
 * §1.10, §4: a generated response (headers + body) may not exceed 40 KB from viewer-request or 1 MB from
 * origin-request. The body counts as returned (base64 text for `bodyEncoding: base64`).
 */
export function checkGeneratedResponseSize(
  eventType: 'viewer-request' | 'origin-request',
  headers: CfHeaders,
  body: string,
): void {
  const limit = GENERATED_RESPONSE_LIMIT[eventType];
  const size = headerBlockBytes(headers) + Buffer.byteLength(body);
  if (size <= limit) return;
  throw validationError(
    CLOUDFRONT_TEXT.bodyInvalid,
    eventType,
    `the generated response's headers and body are ${size} bytes, over the ${eventType} limit of ${limit} bytes`,
    '§4',
  );
}
