import { CLOUDFRONT_TEXT } from '../errors.js';
import type { LambdaEventType } from '../types.js';
import { isBase64 } from './base64.js';
import { describe, validationError } from './fail.js';

/**
 * §1.9, §1.10: a returned response `body` is a string, `bodyEncoding` is `text` (default) or `base64`, and base64
 * must be valid. Returns the body bytes.
 */
export function readResponseBody(eventType: LambdaEventType, body: unknown, bodyEncoding: unknown): Buffer {
  if (typeof body !== 'string') {
    throw validationError(CLOUDFRONT_TEXT.bodyInvalid, eventType, `response.body is ${describe(body)}, but it must be a string`, '§1.10');
  }
  if (bodyEncoding !== undefined && bodyEncoding !== 'text' && bodyEncoding !== 'base64') {
    throw validationError(
      CLOUDFRONT_TEXT.invalidShape,
      eventType,
      `response.bodyEncoding is ${describe(bodyEncoding)}, but it must be "text" or "base64"`,
      '§1.10',
    );
  }
  if (bodyEncoding === 'base64') {
    if (!isBase64(body)) {
      throw validationError(CLOUDFRONT_TEXT.invalidShape, eventType, 'response.body is not valid base64 (invalid base64)', '§1.10');
    }
    return Buffer.from(body, 'base64');
  }
  return Buffer.from(body, 'utf8');
}
