/**
 * @module edge — the request pipeline: behavior, viewer checks, the four triggers, cache, origin, CloudFront's answers.
 */
export { handleViewerRequest, rejectViewerRequest } from './pipeline.js';
/** Issue 9: a WebSocket handshake through the edge. */
export { handleUpgradeRequest } from './upgrade.js';
export type { UpgradeResult } from './upgrade.js';
export { cloudFrontErrorResponse } from './error-page.js';
export { withEdgeHeaders } from './finish-response.js';
export type { AccessLogSink, EdgeDeps, EdgeOptions, EdgeResponse, ViewerRequest } from './types.js';
/** Issue 11: the standard access log's header lines. */
export { ACCESS_LOG_HEADER } from './access-log.js';
/** Issue 12: what the request inspector records of each request, and where records go. */
export type { InspectedRequest, InspectedFunction, InspectorSink } from './inspection.js';
