/**
 * @module event — the CloudFront event model: shapes, mapping to and from HTTP, builders, result validation.
 */
export type * from './types.js';
export { LAMBDA_EVENT_TYPES } from './types.js';
/** Errors: CloudFront's error kinds and page texts (§3.8), and bad-input errors naming file and field. */
export { EdgeError, ConfigError, CLOUDFRONT_TEXT, toEdgeErrorRecord, fromEdgeErrorRecord } from './errors.js';
export type { EdgeErrorKind, EdgeErrorRecord } from './errors.js';
/** Header maps (§1.6): from/to node raw headers, lookups, and the §3.2 strip for event-bound maps. */
export {
  headersFromRawHeaders,
  headersToRawHeaders,
  getHeaderValue,
  setHeader,
  deleteHeader,
  canonicalHeaderKey,
  stripDisallowedHeaders,
  newHeaderMap,
} from './headers.js';
/** Header-name rules: §3.2 disallowed, §3.4 origin custom header deny list, §3.3 read-only per event type. */
export { isDisallowedHeader, isDeniedOriginCustomHeader, readOnlyHeadersOf } from './header-rules.js';
/** Event envelopes (§1.1) and request ids (§1.2). */
export { requestEvent, responseEvent, newRequestId } from './envelope.js';
/** A complete event from friendly options (Appendix A defaults). */
export { buildEvent } from './build-event.js';
export type { EventOptions, HeaderOptions } from './build-event.js';
/** Request body exposure with IncludeBody (§1.7, §4, D9). */
export { exposeBody, BODY_EXPOSURE_LIMIT } from './body.js';
export { sortedCookiePairs } from './cookies.js';
export { filterQueryString } from './query-string.js';
/** Validation and merge of handler results (§3). */
export { applyRequestResult, applyResponseResult } from './validate-result.js';
export type { RequestStageOutcome, ResponseStageOutcome } from './validate-result.js';
/** The standard reason phrase of a status (`""` when none). */
export { reasonPhrase } from './generated-response.js';
/** §4 (D30): the one header block limit and how it counts, for the viewer, the origin and function results. */
export { MAX_HEADER_BLOCK_BYTES, headerLinesBytes, requestLineBytes, statusLineBytes } from './header-block.js';
/** Issue 9: streamed response bodies: read whole, or dropped (which ends the origin read). */
export { readBody, discardBody } from './body-stream.js';
/** The closest known name to a likely typo (`Defualt` → `Default`), for messages on every part's input. */
export { didYouMean } from './did-you-mean.js';
/** Issue 12: options objects refuse unknown keys, with a did-you-mean. */
export { checkOptionKeys } from './option-keys.js';
