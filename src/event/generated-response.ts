import { STATUS_CODES } from 'node:http';
import { CLOUDFRONT_TEXT } from './errors.js';
import { newHeaderMap } from './headers.js';
import type { HttpResponse } from './types.js';
import { checkDisallowedHeaders } from './validate/check-disallowed-headers.js';
import { checkGeneratedResponseSize } from './validate/check-generated-response-size.js';
import { checkNoContentBody } from './validate/check-no-content-body.js';
import { checkHeaderBlockLimit } from './validate/check-header-block-limit.js';
import { statusLineBytes } from './header-block.js';
import { describe, validationError } from './validate/fail.js';
import { parseStatus } from './validate/parse-status.js';
import { readHeaderMap } from './validate/read-header-map.js';
import { readResponseBody } from './validate/read-response-body.js';

const EMPTY = Buffer.alloc(0);

/** The standard reason phrase of a status, `""` when it has none. */
export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? '';
}

/**
 * §1.10: validates a response returned by viewer-request / origin-request (in the §3.7 order) and turns it into an
 * HttpResponse: numeric status, statusDescription defaulting to the reason phrase, `key` on every header, body bytes.
 */
export function applyGeneratedResponse(
  eventType: 'viewer-request' | 'origin-request',
  result: Record<string, unknown>,
  warnings: string[],
): HttpResponse {
  // (3) status range, 204 with body
  const status = parseStatus(eventType, 'response.status', result.status);
  checkNoContentBody(eventType, status, result.body);
  const { statusDescription } = result;
  if (statusDescription !== undefined && typeof statusDescription !== 'string') {
    throw validationError(
      CLOUDFRONT_TEXT.invalidShape,
      eventType,
      `response.statusDescription is ${describe(statusDescription)}, but it must be a string`,
      '§1.10',
    );
  }
  // (4) header map shape, (5) disallowed headers; read-only headers concern the request, not a new response
  const headers =
    result.headers === undefined ? newHeaderMap() : readHeaderMap(eventType, 'response.headers', result.headers, warnings);
  checkDisallowedHeaders(eventType, 'response.headers', undefined, headers);
  // (9) body encoding, (10) size
  let body: Buffer = EMPTY;
  if (result.body !== undefined) body = readResponseBody(eventType, result.body, result.bodyEncoding);
  checkGeneratedResponseSize(eventType, headers, typeof result.body === 'string' ? result.body : '');
  const description = statusDescription ?? reasonPhrase(status);
  checkHeaderBlockLimit(eventType, 'response.headers', statusLineBytes(status, description), headers);
  return { status, statusDescription: description, headers, body };
}
