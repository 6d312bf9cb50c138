import { CLOUDFRONT_TEXT } from '../errors.js';
import type { LambdaEventType } from '../types.js';
import { validationError } from './fail.js';

/** §3.6, §4: once a function changed them, URI + query string must be under 8,192 characters. */
export const MAX_URL_CHARACTERS = 8192;

export function checkUrlLength(eventType: LambdaEventType, uri: string, querystring: string): void {
  const length = uri.length + querystring.length;
  if (length < MAX_URL_CHARACTERS) return;
  throw validationError(
    CLOUDFRONT_TEXT.invalidShape,
    eventType,
    `request.uri + request.querystring are ${length} characters, but they must be under ${MAX_URL_CHARACTERS}`,
    '§3.6',
  );
}
