import type { CacheKeyPolicy } from '../config/types.js';
import { MANAGED_CACHE_POLICIES } from '../config/index.js';
import type { CfHeaders, CfRequest } from '../event/types.js';

/** Test-only builders (not exported from the part). */
export function policy(over: Partial<CacheKeyPolicy> = {}): CacheKeyPolicy {
  return {
    id: 'test',
    name: 'test',
    minTTL: 0,
    defaultTTL: 86400,
    maxTTL: 31536000,
    headers: { behavior: 'none', names: [] },
    cookies: { behavior: 'none', names: [] },
    queryStrings: { behavior: 'none', names: [] },
    enableAcceptEncodingGzip: false,
    enableAcceptEncodingBrotli: false,
    ...over,
  };
}

/** CachingOptimized (§5.4), from the managed-policy data the product uses. */
export const CACHING_OPTIMIZED = MANAGED_CACHE_POLICIES.get('658327ea-f89d-4fab-a63d-7e88639e58f6')!;

export function headers(lines: Record<string, string | string[]>): CfHeaders {
  const out: CfHeaders = {};
  for (const [name, value] of Object.entries(lines)) {
    const values = Array.isArray(value) ? value : [value];
    out[name.toLowerCase()] = values.map((v) => ({ key: name, value: v }));
  }
  return out;
}

export function request(uri: string, over: Partial<CfRequest> = {}): CfRequest {
  return { clientIp: '127.0.0.1', method: 'GET', uri, querystring: '', headers: {}, ...over };
}
