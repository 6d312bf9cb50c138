import { CLOUDFRONT_TEXT } from './errors.js';
import { applyGeneratedResponse, reasonPhrase } from './generated-response.js';
import type { CfRequest, CfResponse, HttpResponse } from './types.js';
import { checkDisallowedHeaders } from './validate/check-disallowed-headers.js';
import { checkHeaderBlockLimit } from './validate/check-header-block-limit.js';
import { requestLineBytes, statusLineBytes } from './header-block.js';
import { checkOriginResponseSize } from './validate/check-origin-response-size.js';
import { checkQuerystring } from './validate/check-querystring.js';
import { checkReadOnlyHeaders } from './validate/check-read-only-headers.js';
import { checkReplacedBodySize } from './validate/check-replaced-body-size.js';
import { checkResultObject } from './validate/check-result-object.js';
import { checkUri } from './validate/check-uri.js';
import { checkUrlLength } from './validate/check-url-length.js';
import { checkViewerCountryNotAdded } from './validate/check-viewer-country.js';
import { describe, validationError } from './validate/fail.js';
import { isGeneratedResponse } from './validate/is-generated-response.js';
import { parseStatus } from './validate/parse-status.js';
import { readHeaderMap } from './validate/read-header-map.js';
import { readOrigin } from './validate/read-origin.js';
import { readRequestBody } from './validate/read-request-body.js';
import { readResponseBody } from './validate/read-response-body.js';
import { warnReadOnlyRequestFields } from './validate/warn-read-only-request-fields.js';
import { warnViewerResponseFixed } from './validate/warn-viewer-response-fixed.js';

export type RequestStageOutcome =
  /** Processing continues with this request. `body` is set when the handler replaced it (§1.7 action replace). */
  | { kind: 'request'; request: CfRequest; body?: Buffer; warnings: string[] }
  /** The handler generated a response (§1.10). */
  | { kind: 'response'; response: HttpResponse; warnings: string[] };

/** `body` is set when origin-response replaced the body (§1.9); absent means "keep the origin's body". */
export interface ResponseStageOutcome {
  response: CfResponse;
  body?: Buffer;
  warnings: string[];
}

/**
 * §3: validate what a viewer-request / origin-request handler returned and merge it.
 * `before` is the request the event carried (never mutated). Throws EdgeError (§3.8) on the first failure (§3.7).
 * The outcome's request is new; its header maps are null-prototype objects with `key` on every entry.
 */
export function applyRequestResult(
  eventType: 'viewer-request' | 'origin-request',
  before: CfRequest,
  result: unknown,
): RequestStageOutcome {
  // (1) a JSON object, (2) request or generated response (D13)
  checkResultObject(eventType, result);
  const warnings: string[] = [];
  if (isGeneratedResponse(result)) {
    return { kind: 'response', response: applyGeneratedResponse(eventType, result, warnings), warnings };
  }
  warnReadOnlyRequestFields(eventType, before, result, warnings);
  // (4) header map shape, (5) disallowed, (6) read-only headers and §3.5
  const headers = readHeaderMap(eventType, 'request.headers', result.headers, warnings);
  checkDisallowedHeaders(eventType, 'request.headers', before.headers, headers);
  checkReadOnlyHeaders(eventType, 'request.headers', before.headers, headers);
  checkViewerCountryNotAdded(eventType, 'request.headers', before.headers, headers);
  // (7) uri and query string
  const uri = checkUri(eventType, result.uri, before.uri);
  const querystring = checkQuerystring(eventType, result.querystring, before.querystring);
  if (uri !== before.uri || querystring !== before.querystring) checkUrlLength(eventType, uri, querystring);
  const url = querystring === '' ? uri : `${uri}?${querystring}`;
  checkHeaderBlockLimit(eventType, 'request.headers', requestLineBytes(before.method, url), headers);
  // (8) origin
  const origin =
    eventType === 'origin-request' ? readOrigin(eventType, result.origin, before.origin, headers, warnings) : before.origin;
  // (9) body encoding, (10) replaced body size
  const { body, replace } = readRequestBody(eventType, result.body, before.body, warnings);
  let replaced: Buffer | undefined;
  if (replace !== undefined) {
    checkReplacedBodySize(eventType, replace.data, replace.encoding);
    replaced = Buffer.from(replace.data, replace.encoding === 'base64' ? 'base64' : 'utf8');
  }
  const request: CfRequest = { clientIp: before.clientIp, method: before.method, uri, querystring, headers };
  if (body !== undefined) request.body = body;
  if (origin !== undefined) request.origin = origin;
  return replaced === undefined
    ? { kind: 'request', request, warnings }
    : { kind: 'request', request, body: replaced, warnings };
}

/** §1.9, §3.1 (D12, D14): origin-response may return any status 200–599; its description defaults sensibly. */
function responseStatus(
  result: Record<string, unknown>,
  before: CfResponse,
): { status: string; statusDescription: string } {
  if (result.status === undefined) {
    throw validationError(
      CLOUDFRONT_TEXT.invalidShape,
      'origin-response',
      'response.status is missing; return the response object from the event',
      '§1.9',
    );
  }
  const status = String(parseStatus('origin-response', 'response.status', result.status));
  const { statusDescription } = result;
  if (statusDescription === undefined) {
    return { status, statusDescription: status === before.status ? before.statusDescription : reasonPhrase(Number(status)) };
  }
  if (typeof statusDescription !== 'string') {
    throw validationError(
      CLOUDFRONT_TEXT.invalidShape,
      'origin-response',
      `response.statusDescription is ${describe(statusDescription)}, but it must be a string`,
      '§1.9',
    );
  }
  return { status, statusDescription };
}

/** §3: the same for origin-response / viewer-response. */
export function applyResponseResult(
  eventType: 'origin-response' | 'viewer-response',
  before: { request: CfRequest; response: CfResponse },
  result: unknown,
): ResponseStageOutcome {
  // (1) a JSON object; (2) response events always return the response
  checkResultObject(eventType, result);
  const warnings: string[] = [];
  // (3) status (viewer-response cannot change it: D4)
  let status = before.response.status;
  let statusDescription = before.response.statusDescription;
  if (eventType === 'origin-response') ({ status, statusDescription } = responseStatus(result, before.response));
  else warnViewerResponseFixed(before.response, result, warnings);
  // (4) header map shape, (5) disallowed, (6) read-only headers
  const headers = readHeaderMap(eventType, 'response.headers', result.headers, warnings);
  checkDisallowedHeaders(eventType, 'response.headers', before.response.headers, headers);
  checkReadOnlyHeaders(eventType, 'response.headers', before.response.headers, headers);
  checkHeaderBlockLimit(eventType, 'response.headers', statusLineBytes(status, statusDescription), headers);
  const response: CfResponse = { status, statusDescription, headers };
  // (9) body encoding, (10) size (D29); only origin-response may set a body
  if (eventType === 'origin-response' && result.body !== undefined) {
    const body = readResponseBody(eventType, result.body, result.bodyEncoding);
    checkOriginResponseSize(headers, result.body as string);
    return { response, body, warnings };
  }
  return { response, warnings };
}
