import { CLOUDFRONT_TEXT } from '../errors.js';
import type { LambdaEventType } from '../types.js';
import { describe, validationError } from './fail.js';

function hasSpaceOrControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f) return true;
  }
  return false;
}

/**
 * §3.6: `uri` must be a string that starts with `/` (observed: "invalid uri format"). A changed uri may also not hold
 * spaces or control characters, which cannot go on the request line (edge-dev).
 */
export function checkUri(eventType: LambdaEventType, value: unknown, before: string): string {
  let problem: string | undefined;
  if (typeof value !== 'string') problem = `is ${describe(value)}, but it must be a string`;
  else if (value.charCodeAt(0) !== 0x2f) problem = `is ${describe(value)}, but it must start with "/"`;
  else if (value !== before && hasSpaceOrControl(value)) problem = 'contains a space or control character; percent-encode it';
  if (problem === undefined) return value as string;
  throw validationError(CLOUDFRONT_TEXT.invalidShape, eventType, `request.uri ${problem} (invalid uri format)`, '§3.6');
}
