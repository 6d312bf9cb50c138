import { CLOUDFRONT_TEXT } from '../errors.js';
import { headerBlockBytes, MAX_HEADER_BLOCK_BYTES } from '../header-block.js';
import type { CfHeaders, LambdaEventType } from '../types.js';
import { validationError } from './fail.js';

/**
 * §4 (D30), issue 15: what a function returns is held to the limit the viewer's request and the origin's response
 * are held to: start line + header lines at most 20,480 bytes, so no path can carry a larger header block.
 */
export function checkHeaderBlockLimit(eventType: LambdaEventType, field: string, startLineBytes: number, headers: CfHeaders): void {
  const size = startLineBytes + headerBlockBytes(headers);
  if (size <= MAX_HEADER_BLOCK_BYTES) return;
  throw validationError(
    CLOUDFRONT_TEXT.invalidShape,
    eventType,
    `${field} make a header block of ${size} bytes (with the start line), over CloudFront's ${MAX_HEADER_BLOCK_BYTES}`,
    '§4, D30',
  );
}
