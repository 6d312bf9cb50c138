/**
 * @module origin — origin requests (reference §6.2) and fetching from custom, directory and rewritten origins (§6).
 */
/** §6.2: the origin-bound request from the viewer request. */
export { buildOriginRequest } from './build-origin-request.js';
/** What the viewer connection contributes to the origin request. */
export type { ViewerContext } from './build-origin-request.js';
/** §6.3 (issue 11): the request a cache key is computed from, with CloudFront's own `CloudFront-*` values. */
export { withCloudFrontKeyHeaders } from './cloudfront-key-headers.js';
/** Fetches origin requests (undici pools, directory origins). */
export { OriginClient } from './origin-client.js';
/** Options of OriginClient.fetch (body, request id for X-Amz-Cf-Id). */
export type { OriginFetchOptions } from './origin-client.js';
/** D18: no usable origin response (502/504). */
export { OriginError } from './errors.js';
/** §6.1: origin response headers removed or filtered before caching and the viewer. */
export { prepareViewerResponseHeaders } from './response-headers.js';
/** D40: the process's edge id and CloudFront's `Via` value for a viewer HTTP version. */
export { VIA_ID, viaValue } from './via.js';
/** §6.3: the geo values used when the config or a test gives none. */
export { DEFAULT_GEO } from './cloudfront-headers.js';
/** RFC 9110 / S3: one byte range of an object, unsatisfiable, or the whole object. */
export { parseRange } from './byte-range.js';
/** Issue 9: a WebSocket handshake's outcome at the origin. */
export type { UpgradedOrigin } from './upgrade-once.js';
/** Issue 9: an origin body that has all arrived, taken in one piece (one write instead of a stream). */
export { takeWholeBody } from './origin-body.js';
