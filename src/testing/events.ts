import { buildEvent } from '../event/index.js';
import type { CfRequestEvent, CfResponseEvent, EventOptions } from '../event/index.js';

/**
 * Typed event builders for tests: thin wrappers over `buildEvent`, so every field has the realistic default of
 * reference Appendix A and only what the test is about needs to be written.
 *
 * @example
 * const event = viewerRequest({ uri: '/admin/', headers: { authorization: 'Basic dXNlcjpwYXNz' } });
 */
export function viewerRequest(options: EventOptions = {}): CfRequestEvent {
  return buildEvent('viewer-request', options) as CfRequestEvent;
}

/** An origin-request event (§1.5: origin-bound headers, `request.origin` filled). */
export function originRequest(options: EventOptions = {}): CfRequestEvent {
  return buildEvent('origin-request', options) as CfRequestEvent;
}

/** An origin-response event; `status` and `responseHeaders` describe what the origin answered. */
export function originResponse(options: EventOptions = {}): CfResponseEvent {
  return buildEvent('origin-response', options) as CfResponseEvent;
}

/** A viewer-response event; `status` and `responseHeaders` describe the response about to be sent. */
export function viewerResponse(options: EventOptions = {}): CfResponseEvent {
  return buildEvent('viewer-response', options) as CfResponseEvent;
}
