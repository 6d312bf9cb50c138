/**
 * @module origin — origin requests (reference §6.2) and fetching from custom, directory and rewritten origins (§6).
 */
export { buildOriginRequest } from './build-origin-request.js';
export type { ViewerContext } from './build-origin-request.js';
export { OriginClient } from './origin-client.js';
export type { OriginFetchOptions } from './origin-client.js';
export { OriginError } from './errors.js';
export { prepareViewerResponseHeaders } from './response-headers.js';
