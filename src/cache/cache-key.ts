import type { CfRequest } from '../event/types.js';
import type { CacheKeyPolicy } from '../config/types.js';

/** §5.1, D32: the cache key of a request after viewer-request. `domain` is the distribution domain. */
export function cacheKey(policy: CacheKeyPolicy, domain: string, request: CfRequest): string {
  throw new Error('not implemented');
}
