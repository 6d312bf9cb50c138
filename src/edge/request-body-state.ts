import { BODY_EXPOSURE_LIMIT } from '../event/index.js';
import { peekRequestBody } from './request-body.js';
import type { RequestState } from './types.js';

/**
 * §1.7: the body bytes an IncludeBody event exposes. A streamed body is read only up to the event's truncation
 * limit (issue 9); once read whole it is kept as a Buffer.
 */
export async function bodyPrefix(state: RequestState, eventType: 'viewer-request' | 'origin-request'): Promise<Buffer> {
  if (state.bodyStream === undefined) return state.body;
  const peeked = await peekRequestBody(state.bodyStream, BODY_EXPOSURE_LIMIT[eventType]);
  if (peeked.complete) {
    state.body = peeked.prefix;
    state.bodyStream = undefined;
  } else {
    state.bodyStream = peeked.whole;
  }
  return peeked.prefix;
}

/**
 * A streamed body that will not reach the origin (a function answered, or replaced it) is read to its end unseen:
 * node does not discard a request body that was partly read, and the keep-alive connection would stall.
 */
export function drainBody(state: RequestState): void {
  state.bodyStream?.resume();
  state.bodyStream = undefined;
}

/** §1.7: a handler replaced the body: the viewer's is drained unread, this one sent. */
export function replaceBody(state: RequestState, body: Buffer): void {
  drainBody(state);
  state.body = body;
}
