/**
 * @module edge — the request pipeline: behavior, viewer checks, the four triggers, cache, origin, CloudFront's answers.
 */
export { handleViewerRequest, rejectViewerRequest } from './pipeline.js';
export { cloudFrontErrorResponse } from './error-page.js';
export { withEdgeHeaders } from './finish-response.js';
export type { EdgeDeps, EdgeOptions, EdgeResponse, ViewerRequest } from './types.js';
