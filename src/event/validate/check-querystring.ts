import { CLOUDFRONT_TEXT } from '../errors.js';
import type { LambdaEventType } from '../types.js';
import { describe, validationError } from './fail.js';

function badQueryChar(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f || c === 0x23) return i;
  }
  return -1;
}

/**
 * §3.6: `querystring` is a string (no leading `?`); a changed one may not contain spaces, control characters or `#`.
 */
export function checkQuerystring(eventType: LambdaEventType, value: unknown, before: string): string {
  if (typeof value !== 'string') {
    throw validationError(
      CLOUDFRONT_TEXT.invalidShape,
      eventType,
      `request.querystring is ${describe(value)}, but it must be a string ("" for none)`,
      '§3.6',
    );
  }
  if (value === before) return value;
  const at = badQueryChar(value);
  if (at >= 0) {
    throw validationError(
      CLOUDFRONT_TEXT.invalidShape,
      eventType,
      `request.querystring has ${JSON.stringify(value[at])} at position ${at}; a query string may not contain spaces, control characters or "#" (percent-encode them)`,
      '§3.6',
    );
  }
  return value;
}
