import { cacheKey } from '../cache/index.js';
import { withCloudFrontKeyHeaders } from '../origin/index.js';
import type { CacheLookup } from '../cache/index.js';
import type { CfRequest } from '../event/index.js';
import type { CompiledBehavior } from '../config/index.js';
import { isCacheableMethod } from './store-response.js';
import { viewerContext } from './request-state.js';
import type { RequestState } from './types.js';

export interface CacheLookupResult {
  /** Undefined when the request is not cacheable (cache off, or a method that is not cached). */
  key: string | undefined;
  found: CacheLookup | undefined;
}

/**
 * §2.4, §5.1: the cache key of `request` under `behavior` (the request after viewer-request; for a custom error page
 * the page's own behavior) and what the cache holds for it. (§5.2 legacy `Headers: *` caches nothing because config
 * compiles it to TTLs of 0, the one mechanism for "not stored".) §6.3 (issue 11): CloudFront-* headers in the key carry
 * CloudFront's values, as the origin request does.
 */
export function lookUpCache(state: RequestState, behavior: CompiledBehavior, request: CfRequest): CacheLookupResult {
  const { deps } = state;
  const cacheable = deps.options.cacheEnabled && isCacheableMethod(behavior, request.method);
  const key = cacheable ? cacheKey(behavior.cachePolicy, deps.distribution.domainName, withCloudFrontKeyHeaders(behavior.cachePolicy, request, viewerContext(state))) : undefined;
  if (state.inspect && key !== undefined) state.inspect.cache = { key };
  return { key, found: key ? deps.cache.lookup(key, state.now, request.method) : undefined };
}

