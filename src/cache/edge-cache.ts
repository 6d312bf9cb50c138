import { constants as bufferConstants } from 'node:buffer';
import type { CfHeaders } from '../event/types.js';
import type { CacheKeyPolicy } from '../config/types.js';
import type { CacheEntry, CacheLookup } from './types.js';
import { storedBytes, MAX_OBJECT_BYTES } from './entry-bytes.js';
import { CachedEntry, toStored } from './stored-entry.js';
import type { StoredEntry } from './stored-entry.js';
import { compileInvalidationPaths, matchesInvalidation } from './invalidation-paths.js';
import { mergeNotModified } from './merge-not-modified.js';
import type { FillBudget } from './fill-while-streaming.js';
import { decideTtl } from './ttl.js';

const BUFFER_MAX_LENGTH = bufferConstants.MAX_LENGTH;

/** Default byte budget: 512 MiB. */
export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

/** One key's entries. D31: the GET entry answers GET and HEAD; a HEAD-only entry answers HEAD only. */
interface Slot {
  get: StoredEntry | undefined;
  head: StoredEntry | undefined;
  /** Sizes as counted when stored, so a caller changing an entry later cannot skew the budget. */
  getBytes: number;
  headBytes: number;
}

/**
 * One edge location's cache, bounded by a byte budget, least recently used evicted first.
 * The Map's insertion order is the recency order: a use moves the key to the end, eviction takes
 * from the front. Entries over 50 GB (§4) are never stored; a Node 20 Buffer (4 GiB at most) cannot
 * reach that, so in practice the byte budget is the only bound that bites.
 */
export class EdgeCache {
  private readonly slots = new Map<string, Slot>();
  private readonly maxBytes: number;
  private totalBytes = 0;
  private entries = 0;
  private fillingBytes = 0;

  constructor(readonly options: { maxBytes?: number } = {}) {
    const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (!Number.isSafeInteger(max) || max <= 0) {
      throw new RangeError(`EdgeCache options.maxBytes: ${String(max)}; give a positive whole number of bytes`);
    }
    this.maxBytes = max;
  }

  /** Issue 9: the largest body a fill may collect: the budget, §4's 50 GB, and what one Buffer can hold. */
  get largestStorableBody(): number {
    return Math.min(this.maxBytes, MAX_OBJECT_BYTES, BUFFER_MAX_LENGTH);
  }

  /** Issue 9: fills in flight together hold at most the byte budget; one that does not fit is not stored. */
  readonly fillBudget: FillBudget = {
    claim: (bytes) => {
      if (this.fillingBytes + bytes > this.maxBytes) return false;
      this.fillingBytes += bytes;
      return true;
    },
    release: (bytes) => {
      this.fillingBytes -= bytes;
    },
  };

  /**
   * `fresh` within ttl, `stale` after it (caller decides stale serving, §5.9); undefined when absent.
   * D37: `ageSeconds` is whole seconds since the entry was stored or last refreshed.
   */
  lookup(key: string, now: number, method: string): CacheLookup | undefined {
    const slot = this.slots.get(key);
    if (slot === undefined) return undefined;
    const stored = method === 'HEAD' ? headEntry(slot, now) : slot.get;
    if (stored === undefined) return undefined;
    this.slots.delete(key);
    this.slots.set(key, slot);
    const elapsed = now - stored.storedAt;
    const ageSeconds = elapsed > 0 ? Math.floor(elapsed / 1000) : 0;
    const entry = new CachedEntry(stored);
    return elapsed < stored.ttlMs ? { state: 'fresh', entry, ageSeconds } : { state: 'stale', entry, ageSeconds };
  }

  /**
   * Stores `entry` under `entry.key`, replacing the entry of the same kind (D31: a GET entry also
   * replaces a HEAD-only one). An entry larger than the whole budget or than 50 GB is not stored,
   * and the older entry it would have replaced is dropped.
   */
  store(given: CacheEntry): void {
    const entry = toStored(given);
    const size = storedBytes(entry);
    let slot = this.slots.get(entry.key);
    if (slot === undefined) {
      slot = { get: undefined, head: undefined, getBytes: 0, headBytes: 0 };
    } else {
      this.slots.delete(entry.key);
    }
    if (entry.headOnly) {
      this.drop(slot, 'head');
    } else {
      this.drop(slot, 'get');
      this.drop(slot, 'head');
    }
    if (size <= this.maxBytes && size <= MAX_OBJECT_BYTES) {
      if (entry.headOnly) {
        slot.head = entry;
        slot.headBytes = size;
      } else {
        slot.get = entry;
        slot.getBytes = size;
      }
      this.totalBytes += size;
      this.entries++;
    }
    if (slot.get !== undefined || slot.head !== undefined) this.slots.set(entry.key, slot);
    this.evict();
  }

  /**
   * §5.10 (D17): after a 304, keeps the stored body, merges the 304's headers, recomputes the TTL
   * from the merged headers and restarts the clock (`storedAt = now`, so `Age` starts at 0, D37).
   * Picks the entry `lookup(key, now, method)` would; returns the refreshed entry to serve, or
   * undefined when there is none. If the merged headers no longer allow storing, the entry is removed
   * but still returned for this one response.
   */
  refresh(
    key: string,
    method: string,
    notModifiedHeaders: CfHeaders,
    policy: CacheKeyPolicy,
    now: number,
    errorCachingMinTTL?: number,
  ): CacheEntry | undefined {
    const slot = this.slots.get(key);
    if (slot === undefined) return undefined;
    const oldStored = method === 'HEAD' ? headEntry(slot, now) : slot.get;
    if (oldStored === undefined) return undefined;
    const old = new CachedEntry(oldStored);
    const headers = mergeNotModified(old.headers, notModifiedHeaders);
    const ttl = decideTtl(policy, old.status, headers, errorCachingMinTTL, now);
    const refreshed: CacheEntry = {
      key: old.key,
      invalidationPath: old.invalidationPath,
      status: old.status,
      statusDescription: old.statusDescription,
      headOnly: old.headOnly,
      headers,
      body: old.body,
      storedAt: now,
      ttlMs: ttl.ttlSeconds * 1000,
      staleWhileRevalidateMs: ttl.staleWhileRevalidateSeconds * 1000,
      staleIfErrorMs: ttl.staleIfErrorSeconds * 1000,
    };
    if (ttl.store) {
      this.store(refreshed);
    } else {
      this.drop(slot, old.headOnly ? 'head' : 'get');
      if (slot.get === undefined && slot.head === undefined) this.slots.delete(key);
    }
    return refreshed;
  }

  /**
   * §5.9: an expired entry served because the origin failed is kept fresh for `ttlMs` from when it was stored
   * (Age keeps growing, D37). Does nothing when the entry is gone.
   */
  prolong(key: string, method: string, ttlMs: number, now: number): void {
    const slot = this.slots.get(key);
    const stored = slot === undefined ? undefined : method === 'HEAD' ? headEntry(slot, now) : slot.get;
    if (stored !== undefined) stored.ttlMs = ttlMs;
  }

  /** §5.11: exact paths or trailing `*`; returns how many entries were removed. */
  invalidate(paths: readonly string[]): number {
    const matcher = compileInvalidationPaths(paths);
    if (matcher.all) {
      const n = this.entries;
      this.clear();
      return n;
    }
    let removed = 0;
    for (const [key, slot] of this.slots) {
      if (slot.get !== undefined && matchesInvalidation(matcher, slot.get.invalidationPath)) {
        this.drop(slot, 'get');
        removed++;
      }
      if (slot.head !== undefined && matchesInvalidation(matcher, slot.head.invalidationPath)) {
        this.drop(slot, 'head');
        removed++;
      }
      if (slot.get === undefined && slot.head === undefined) this.slots.delete(key);
    }
    return removed;
  }

  clear(): void {
    this.slots.clear();
    this.totalBytes = 0;
    this.entries = 0;
  }

  /** Stored entries (GET entries and HEAD-only entries). */
  get size(): number {
    return this.entries;
  }

  /** Bytes counted against `maxBytes` (see `entryBytes`). */
  get bytes(): number {
    return this.totalBytes;
  }

  private drop(slot: Slot, kind: 'get' | 'head'): void {
    if (slot[kind] === undefined) return;
    if (kind === 'get') {
      this.totalBytes -= slot.getBytes;
      slot.get = undefined;
      slot.getBytes = 0;
    } else {
      this.totalBytes -= slot.headBytes;
      slot.head = undefined;
      slot.headBytes = 0;
    }
    this.entries--;
  }

  /** Removes least recently used keys (both their entries) until the budget holds. */
  private evict(): void {
    while (this.totalBytes > this.maxBytes) {
      const oldest = this.slots.entries().next();
      if (oldest.done === true) return;
      const [key, slot] = oldest.value;
      this.slots.delete(key);
      this.totalBytes -= slot.getBytes + slot.headBytes;
      this.entries -= (slot.get === undefined ? 0 : 1) + (slot.head === undefined ? 0 : 1);
    }
  }
}

/** D31: a HEAD takes the GET entry while it is fresh, else a HEAD-only entry, else the stale GET entry. */
function headEntry(slot: Slot, now: number): StoredEntry | undefined {
  const get = slot.get;
  if (get !== undefined && now - get.storedAt < get.ttlMs) return get;
  return slot.head ?? get;
}
