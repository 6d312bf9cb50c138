import type { EdgeCache } from '../cache/index.js';
import type { CompiledBehavior } from '../config/index.js';
import { forwardsCookies } from './store-response.js';

/** One origin fetch that concurrent misses for the same key wait on (§5.7). */
export class Flight {
  readonly done: Promise<void>;
  private resolve!: () => void;
  private released = false;

  constructor(
    private readonly byKey: Map<string, Flight>,
    private readonly key: string,
  ) {
    this.done = new Promise<void>((resolve) => (this.resolve = resolve));
    byKey.set(key, this);
  }

  /** The response is stored (or known not to be): wake the waiting requests. Safe to call more than once. */
  release(): void {
    if (this.released) return;
    this.released = true;
    if (this.byKey.get(this.key) === this) this.byKey.delete(this.key);
    this.resolve();
  }
}

/** Fetches under way per cache (one map per edge location), by cache key. */
const inflight = new WeakMap<EdgeCache, Map<string, Flight>>();

/**
 * §5.7: concurrent misses for one key wait for the first origin response, except with CachingDisabled (all
 * TTLs 0) or when cookies are forwarded. Objects that turn out not to be storable (MinTTL 0 with no-store,
 * private, max-age=0 …) are then fetched by each waiting request itself.
 */
export function collapsesRequests(behavior: CompiledBehavior): boolean {
  const { minTTL, defaultTTL, maxTTL } = behavior.cachePolicy;
  if (minTTL === 0 && defaultTTL === 0 && maxTTL === 0) return false;
  return !forwardsCookies(behavior);
}

/** The fetch already under way for `key`, if any. */
export function pendingFetch(cache: EdgeCache, key: string): Flight | undefined {
  return inflight.get(cache)?.get(key);
}

/** Marks `key` as being fetched until the returned flight is released. */
export function startFetch(cache: EdgeCache, key: string): Flight {
  let byKey = inflight.get(cache);
  if (byKey === undefined) {
    byKey = new Map();
    inflight.set(cache, byKey);
  }
  return new Flight(byKey, key);
}
