import type { CfHeaders } from '../event/types.js';
import type { CacheKeyPolicy } from '../config/types.js';
import type { TtlDecision } from './types.js';
import { ABSENT } from './cache-control.js';
import { originFreshness, type OriginFreshness } from './origin-freshness.js';

/** §5.8: ErrorCachingMinTTL when the distribution sets none for the status. */
export const DEFAULT_ERROR_CACHING_MIN_TTL = 10;

const NOT_STORED: TtlDecision = Object.freeze({
  store: false,
  ttlSeconds: 0,
  staleWhileRevalidateSeconds: 0,
  staleIfErrorSeconds: 0,
});

/** §5.8: cached whenever caching is on. */
const ERRORS_ALWAYS_CACHED = new Set([404, 414, 500, 501, 502, 503, 504]);
/** §5.8: cached only when the origin sent `max-age` or `s-maxage`. */
const ERRORS_CACHED_WITH_MAX_AGE = new Set([400, 403, 405, 412, 415]);

/**
 * §5.6 (2xx/3xx) and §5.8 (errors): store or not, and for how long. `errorCachingMinTTL` is the
 * CustomErrorResponses value for this status, or undefined for the 10 s default. `now` in ms (for Expires).
 * `staleIfErrorSeconds` is `Infinity` when the origin sent no `stale-if-error`: CloudFront then serves
 * an expired copy on origin 5xx or no response however old it is (§5.9).
 */
export function decideTtl(
  policy: CacheKeyPolicy,
  status: number,
  headers: CfHeaders,
  errorCachingMinTTL: number | undefined,
  now: number,
): TtlDecision {
  if (status >= 400 && status <= 599) return errorTtl(policy, status, headers, errorCachingMinTTL, now);
  if (!isStorableStatus(status)) return NOT_STORED;
  const f = originFreshness(headers, now);
  return withWindows(policy, f, successTtl(policy, f));
}

/** §5.7, D35: 2xx and 3xx are stored by the TTL rules, except 206 (not stored) and 304 (no object). */
export function isStorableStatus(status: number): boolean {
  return status >= 200 && status <= 399 && status !== 206 && status !== 304;
}

/** §5.6 table, row by row; D34: a TTL of 0 means not stored. */
export function successTtl(policy: CacheKeyPolicy, f: OriginFreshness): number {
  const { minTTL, maxTTL, defaultTTL } = policy;
  // §5.6, D34: no-cache / no-store / private are honoured only with MinTTL 0; otherwise cached for MinTTL.
  if (f.directives.uncacheable) return minTTL;
  // §5.6: `Vary: *` with MinTTL 0 goes to the origin every time, unconditionally: same as not stored.
  if (f.varyStar && minTTL === 0) return 0;
  // §5.6: MaxTTL applies only to origin directives, DefaultTTL only without them.
  if (f.lifetime !== undefined) return Math.max(minTTL, Math.min(f.lifetime, maxTTL));
  return Math.max(minTTL, defaultTTL);
}

/** §5.8 table. */
export function errorTtl(
  policy: CacheKeyPolicy,
  status: number,
  headers: CfHeaders,
  errorCachingMinTTL: number | undefined,
  now: number,
): TtlDecision {
  const always = ERRORS_ALWAYS_CACHED.has(status);
  // §5.8: 416 is never cached, and statuses outside both lists are not cached (inferred).
  if (!always && !ERRORS_CACHED_WITH_MAX_AGE.has(status)) return NOT_STORED;
  if (isCachingDisabled(policy)) return NOT_STORED;
  const f = originFreshness(headers, now);
  if (!always && f.directives.maxAge < 0 && f.directives.sMaxAge < 0) return NOT_STORED;
  const floor = errorCachingMinTTL ?? DEFAULT_ERROR_CACHING_MIN_TTL;
  // §5.8: max(ErrorCachingMinTTL, header lifetime capped at MaxTTL); no directive → ErrorCachingMinTTL.
  const ttl = f.lifetime === undefined ? floor : Math.max(floor, Math.min(f.lifetime, policy.maxTTL));
  return withWindows(policy, f, ttl);
}

/** §5.4, §5.8: CachingDisabled, or any policy whose three TTLs are 0, caches nothing, errors included. */
export function isCachingDisabled(policy: CacheKeyPolicy): boolean {
  return policy.minTTL === 0 && policy.defaultTTL === 0 && policy.maxTTL === 0;
}

/**
 * §5.9: `stale-while-revalidate=N` and `stale-if-error=N` last min(N, MaxTTL) after expiry;
 * `stale-if-error=0` forbids stale serving on errors; without the directive it is unlimited.
 * Invalid values are ignored.
 */
export function withWindows(policy: CacheKeyPolicy, f: OriginFreshness, ttlSeconds: number): TtlDecision {
  if (ttlSeconds <= 0) return NOT_STORED;
  const swr = f.directives.staleWhileRevalidate;
  const sie = f.directives.staleIfError;
  return {
    store: true,
    ttlSeconds,
    staleWhileRevalidateSeconds: swr >= 0 ? Math.min(swr, policy.maxTTL) : 0,
    staleIfErrorSeconds: sie === ABSENT || sie < 0 ? Infinity : Math.min(sie, policy.maxTTL),
  };
}
