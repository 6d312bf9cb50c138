/**
 * @module event — the CloudFront event model: shapes, mapping to and from HTTP, builders, result validation.
 */
export type * from './types.js';
export { LAMBDA_EVENT_TYPES } from './types.js';
export { EdgeError, ConfigError, CLOUDFRONT_TEXT, toEdgeErrorRecord, fromEdgeErrorRecord } from './errors.js';
export type { EdgeErrorKind, EdgeErrorRecord } from './errors.js';
export {
  headersFromRawHeaders,
  headersToRawHeaders,
  getHeaderValue,
  setHeader,
  deleteHeader,
  canonicalHeaderKey,
  stripDisallowedHeaders,
} from './headers.js';
export { requestEvent, responseEvent, newRequestId } from './envelope.js';
export { buildEvent } from './build-event.js';
export type { EventOptions, HeaderOptions } from './build-event.js';
export { exposeBody } from './body.js';
export { applyRequestResult, applyResponseResult } from './validate-result.js';
export type { RequestStageOutcome, ResponseStageOutcome } from './validate-result.js';
