/**
 * @module cache — CloudFront's cache: key, TTL, storage with a byte budget, invalidation (reference §5).
 */
/** Stored response, TTL decision and lookup result shapes. */
export type { CacheEntry, TtlDecision, CacheLookup } from './types.js';
/** §5.1, D32: the cache key of a request after viewer-request. */
export { cacheKey } from './cache-key.js';
/** §5.6, §5.8, §5.9: whether and how long to store a response. */
export { decideTtl } from './ttl.js';
/** One edge location's LRU cache: lookup, store, refresh after 304, invalidate. */
export { EdgeCache } from './edge-cache.js';
export { cachedViewerWireHeaders, EDGE_SET_HEADERS } from './stored-entry.js';
/** §5.3: the normalised Accept-Encoding for key and origin request. */
export { normaliseAcceptEncoding } from './accept-encoding.js';
/** §5.11: why an invalidation path is refused (undefined when it is a valid path). */
export { invalidationPathProblem } from './invalidation-paths.js';
/** Issue 9: stores an object as it streams to the viewer. */
export { CacheFill } from './fill-while-streaming.js';
/** Issue 12: a cache decision the origin's headers alone would not explain, in one line. */
export { surprisingCacheDecision } from './explain-ttl.js';
