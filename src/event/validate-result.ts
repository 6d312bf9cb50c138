import type { CfRequest, CfResponse, HttpResponse } from './types.js';

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
 */
export function applyRequestResult(
  eventType: 'viewer-request' | 'origin-request',
  before: CfRequest,
  result: unknown,
): RequestStageOutcome {
  throw new Error('not implemented');
}

/** §3: the same for origin-response / viewer-response. */
export function applyResponseResult(
  eventType: 'origin-response' | 'viewer-response',
  before: { request: CfRequest; response: CfResponse },
  result: unknown,
): ResponseStageOutcome {
  throw new Error('not implemented');
}
