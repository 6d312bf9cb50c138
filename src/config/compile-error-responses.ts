import type { CustomErrorResponse } from './types.js';
import { checkUnknownKeys } from './check-unknown-keys.js';
import { childLocation, fail, type Diagnostics, type JsonLocation } from './json-location.js';
import { expectObject, listItems, optionalNumber, optionalString, type JsonObject } from './read-fields.js';

// §7.5: the codes CloudFront accepts as ErrorCode and as ResponseCode.
const ERROR_CODES = [400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504];
const RESPONSE_CODES = [200, ...ERROR_CODES];

function readCode(obj: JsonObject, key: string, loc: JsonLocation, allowed: readonly number[]): number | undefined {
  const code = optionalNumber(obj, key, loc, { min: 100, max: 599 });
  if (code !== undefined && !allowed.includes(code)) {
    fail(childLocation(loc, key), `${code} is not allowed: use one of ${allowed.join(', ')} (reference §7.5).`);
  }
  return code;
}

/**
 * §7.5 / §5.8: `CustomErrorResponses` by ErrorCode. The AWS CLI prints ResponseCode as a string and an unset
 * ResponsePagePath as ""; both are accepted. ErrorCachingMinTTL defaults to 10 s.
 */
export function compileErrorResponses(
  distribution: JsonObject,
  loc: JsonLocation,
  diagnostics: Diagnostics,
): Map<number, CustomErrorResponse> {
  const responses = new Map<number, CustomErrorResponse>();
  for (const item of listItems(distribution, 'CustomErrorResponses', loc, diagnostics)) {
    const entry = expectObject(item.value, item.loc);
    checkUnknownKeys(entry, ['ErrorCode', 'ResponsePagePath', 'ResponseCode', 'ErrorCachingMinTTL'], item.loc, diagnostics);
    const errorCode = readCode(entry, 'ErrorCode', item.loc, ERROR_CODES);
    if (errorCode === undefined) fail(childLocation(item.loc, 'ErrorCode'), `is required: use one of ${ERROR_CODES.join(', ')}.`);
    if (responses.has(errorCode)) fail(childLocation(item.loc, 'ErrorCode'), `${errorCode} is configured twice; keep one entry per code.`);
    const pagePath = optionalString(entry, 'ResponsePagePath', item.loc) || undefined;
    if (pagePath !== undefined && !pagePath.startsWith('/')) {
      fail(childLocation(item.loc, 'ResponsePagePath'), `${JSON.stringify(pagePath)} must start with "/", like "/errors/404.html".`);
    }
    const responseCode = readCode(entry, 'ResponseCode', item.loc, RESPONSE_CODES);
    const response: CustomErrorResponse = {
      errorCode,
      errorCachingMinTTL: optionalNumber(entry, 'ErrorCachingMinTTL', item.loc, { min: 0, max: 31_536_000 }) ?? 10,
    };
    if (pagePath !== undefined) response.responsePagePath = pagePath;
    if (responseCode !== undefined) response.responseCode = responseCode;
    responses.set(errorCode, Object.freeze(response));
  }
  return responses;
}
