import type { CfEvent, LambdaEventType } from './types.js';

/** Options for a user-built event; every field has a realistic default (reference Appendix A). */
export interface EventOptions {
  uri?: string;
  method?: string;
  querystring?: string;
  /** `{ name: value | value[] }` (any case) or a full CfHeaders map. */
  headers?: Record<string, string | string[]> | import('./types.js').CfHeaders;
  clientIp?: string;
  status?: number | string;
  statusDescription?: string;
  responseHeaders?: Record<string, string | string[]> | import('./types.js').CfHeaders;
  /** Request body (IncludeBody); string or bytes. */
  body?: string | Uint8Array;
  origin?: import('./types.js').CloudFrontOrigin;
  distributionId?: string;
  distributionDomainName?: string;
  requestId?: string;
}

/** A complete, valid CloudFront event of the given type (used by `edge-dev event` and `edge-dev/testing`). */
export function buildEvent(eventType: LambdaEventType, options: EventOptions = {}): CfEvent {
  throw new Error('not implemented');
}
