import type { CfHeaders } from '../event/types.js';

/** One stored response (reference §5.7). */
export interface CacheEntry {
  key: string;
  /** The request path and query the key was computed from, for invalidation (§5.11): `/a/b.jpg?x=1`. */
  invalidationPath: string;
  status: number;
  statusDescription: string;
  headers: CfHeaders;
  body: Buffer;
  /** ms since epoch when stored or last refreshed (Age counts from here, D37). */
  storedAt: number;
  /** Freshness lifetime in ms. */
  ttlMs: number;
  /** §5.9 windows after expiry, ms. */
  staleWhileRevalidateMs: number;
  /** `Infinity` when the origin sent no `stale-if-error` (CloudFront's default stale-on-error); 0 forbids it. */
  staleIfErrorMs: number;
  /** D31: a HEAD miss is stored for HEADs only. */
  headOnly: boolean;
}

/** §5.6 / §5.8: whether and how long to store a response. */
export interface TtlDecision {
  store: boolean;
  ttlSeconds: number;
  /** min(N, MaxTTL) for `stale-while-revalidate=N`, else 0. */
  staleWhileRevalidateSeconds: number;
  /** min(N, MaxTTL) for `stale-if-error=N`; `Infinity` without the directive (§5.9). */
  staleIfErrorSeconds: number;
}

export type CacheLookup =
  | { state: 'fresh'; entry: CacheEntry; ageSeconds: number }
  | { state: 'stale'; entry: CacheEntry; ageSeconds: number };
