/**
 * @module cache — CloudFront's cache: key, TTL, storage with a byte budget, invalidation (reference §5).
 */
export type { CacheEntry, TtlDecision, CacheLookup } from './types.js';
export { cacheKey } from './cache-key.js';
export { decideTtl } from './ttl.js';
export { EdgeCache } from './edge-cache.js';
export { normaliseAcceptEncoding } from './accept-encoding.js';
