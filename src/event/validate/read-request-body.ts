import { CLOUDFRONT_TEXT } from '../errors.js';
import type { CfRequestBody, LambdaEventType } from '../types.js';
import { isBase64 } from './base64.js';
import { describe, isObject, validationError, warning } from './fail.js';

/** A validated `request.body` and, with `action: replace`, the replacement still encoded. */
export interface ReadRequestBody {
  body: CfRequestBody | undefined;
  replace?: { data: string; encoding: 'base64' | 'text' };
}

/**
 * §1.7 (D3): a returned `request.body`. `read-only` keeps the original body (changes to data/encoding are ignored,
 * with a warning); `replace` takes `data` in `encoding`, and invalid base64 fails. `inputTruncated` is read-only.
 * A body on a request whose association has no IncludeBody is ignored with a warning; a removed body keeps the original.
 */
export function readRequestBody(
  eventType: LambdaEventType,
  value: unknown,
  before: CfRequestBody | undefined,
  warnings: string[],
): ReadRequestBody {
  if (value === undefined) return { body: before };
  if (before === undefined) {
    warnings.push(warning(eventType, 'request.body was set, but the association has no IncludeBody; it is ignored', '§1.7'));
    return { body: undefined };
  }
  if (!isObject(value)) {
    throw validationError(CLOUDFRONT_TEXT.bodyInvalid, eventType, `request.body is ${describe(value)}, but it must be an object`, '§1.7');
  }
  const { action, encoding, data, inputTruncated } = value;
  if (action !== 'read-only' && action !== 'replace') {
    throw validationError(
      CLOUDFRONT_TEXT.invalidShape,
      eventType,
      `request.body.action is ${describe(action)}, but it must be "read-only" or "replace"`,
      '§1.7',
    );
  }
  if (inputTruncated !== before.inputTruncated) {
    warnings.push(warning(eventType, 'request.body.inputTruncated is read-only; the change is ignored', '§3.1, D3'));
  }
  if (action === 'read-only') {
    if (data !== before.data || encoding !== before.encoding) {
      warnings.push(warning(eventType, 'request.body.data/encoding changed with action "read-only"; the original body is sent (set action "replace" to replace it)', '§1.7'));
    }
    return { body: before };
  }
  if (encoding !== 'base64' && encoding !== 'text') {
    throw validationError(
      CLOUDFRONT_TEXT.invalidShape,
      eventType,
      `request.body.encoding is ${describe(encoding)}, but it must be "base64" or "text"`,
      '§1.7',
    );
  }
  if (typeof data !== 'string') {
    throw validationError(CLOUDFRONT_TEXT.bodyInvalid, eventType, `request.body.data is ${describe(data)}, but it must be a string`, '§1.7');
  }
  if (encoding === 'base64' && !isBase64(data)) {
    throw validationError(CLOUDFRONT_TEXT.invalidShape, eventType, 'request.body.data is not valid base64 (invalid base64)', '§1.7');
  }
  return {
    body: { action: 'replace', data, encoding, inputTruncated: before.inputTruncated },
    replace: { data, encoding },
  };
}
