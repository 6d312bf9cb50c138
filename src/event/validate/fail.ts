/**
 * How validation reports: every failure is CloudFront's LambdaValidationError (502, §3.8) with the page text,
 * plus a detail for the developer naming the event type, the field and the rule, ending with the reference section.
 */
import { EdgeError } from '../errors.js';
import type { LambdaEventType } from '../types.js';

export function validationError(text: string, eventType: LambdaEventType, what: string, section: string): EdgeError {
  return new EdgeError('LambdaValidationError', 502, text, `${eventType}: ${what} (reference ${section})`);
}

/** A non-fatal finding (D3, D4, D5, D7, D10), in the same shape as an error detail. */
export function warning(eventType: LambdaEventType, what: string, section: string): string {
  return `${eventType}: ${what} (reference ${section})`;
}

/** `request.headers["x-foo"]`: a header's path in messages, quoted so odd names stay readable. */
export function headerPath(path: string, name: string): string {
  return `${path}[${JSON.stringify(name)}]`;
}

/** A short description of a JSON value for messages; never serialises big or deep values. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `the string ${JSON.stringify(value.slice(0, 40))}… (${value.length} characters)` : `the string ${JSON.stringify(value)}`;
    case 'number':
    case 'boolean':
      return `the ${typeof value} ${String(value)}`;
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** Whether a value is a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
