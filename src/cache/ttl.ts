import type { CfHeaders } from '../event/types.js';
import type { CacheKeyPolicy } from '../config/types.js';
import type { TtlDecision } from './types.js';

/**
 * §5.6 (2xx/3xx) and §5.8 (errors): store or not, and for how long. `errorCachingMinTTL` is the
 * CustomErrorResponses value for this status, or undefined for the 10 s default. `now` in ms (for Expires).
 */
export function decideTtl(
  policy: CacheKeyPolicy,
  status: number,
  headers: CfHeaders,
  errorCachingMinTTL: number | undefined,
  now: number,
): TtlDecision {
  throw new Error('not implemented');
}
