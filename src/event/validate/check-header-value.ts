import { CLOUDFRONT_TEXT } from '../errors.js';
import { hasLineBreakOrNul } from '../header-syntax.js';
import type { LambdaEventType } from '../types.js';
import { describe, validationError } from './fail.js';

/**
 * §1.6 (D7): each header `value` must be a string (observed 502 otherwise). A CR, LF or NUL would split the header
 * line on the wire, so edge-dev rejects those too.
 */
export function checkHeaderValue(eventType: LambdaEventType, path: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') {
    throw validationError(
      CLOUDFRONT_TEXT.invalidShape,
      eventType,
      `${path}.value is ${describe(value)}, but every header value must be a string (convert numbers with String())`,
      '§1.6',
    );
  }
  if (hasLineBreakOrNul(value)) {
    throw validationError(
      CLOUDFRONT_TEXT.invalidShape,
      eventType,
      `${path}.value contains a CR, LF or NUL character, which cannot be sent in a header`,
      '§1.6',
    );
  }
}
