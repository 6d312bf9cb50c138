import { CLOUDFRONT_TEXT } from '../errors.js';
import type { CfHeaders } from '../types.js';
import { validationError } from './fail.js';
import { headerBlockBytes } from '../header-block.js';

/** D29: headers + a body set by origin-response, in bytes. */
export const ORIGIN_RESPONSE_BODY_LIMIT = 1024 * 1024;

/**
 * §4 (D29): when origin-response sets `body`, headers + body may not exceed 1 MB. A body passed through from the
 * origin is not limited. The body counts as returned (base64 text for `bodyEncoding: base64`).
 */
export function checkOriginResponseSize(headers: CfHeaders, body: string): void {
  const size = headerBlockBytes(headers) + Buffer.byteLength(body);
  if (size <= ORIGIN_RESPONSE_BODY_LIMIT) return;
  throw validationError(
    CLOUDFRONT_TEXT.bodyInvalid,
    'origin-response',
    `response.headers and response.body are ${size} bytes, over the limit of ${ORIGIN_RESPONSE_BODY_LIMIT} bytes for a body set by origin-response`,
    '§4, D29',
  );
}
