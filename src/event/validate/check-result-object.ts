import { CLOUDFRONT_TEXT } from '../errors.js';
import type { LambdaEventType } from '../types.js';
import { describe, isObject, validationError } from './fail.js';

/**
 * §3.7 (1), §3.8: the result must be a JSON object. `null` is what a handler that returned nothing
 * produces (§8.4), e.g. a non-async handler that never called the callback.
 */
export function checkResultObject(eventType: LambdaEventType, result: unknown): asserts result is Record<string, unknown> {
  if (isObject(result)) return;
  const hint =
    result === null || result === undefined
      ? 'the handler returned nothing (null); return the request or response, or call callback(null, value), and make the handler async if it returns a Promise'
      : `the handler returned ${describe(result)}; return the request or response object`;
  throw validationError(CLOUDFRONT_TEXT.notObject, eventType, `the result must be a JSON object, but ${hint}`, '§3.8');
}
