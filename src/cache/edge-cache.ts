import type { CacheEntry, CacheLookup } from './types.js';

/** One edge location's cache, bounded by a byte budget, least recently used evicted first. */
export class EdgeCache {
  constructor(readonly options: { maxBytes?: number } = {}) {}
  /** `fresh` within ttl, `stale` after it (caller decides stale serving, §5.9); undefined when absent. */
  lookup(key: string, now: number, method: string): CacheLookup | undefined {
    throw new Error('not implemented');
  }
  store(entry: CacheEntry): void {
    throw new Error('not implemented');
  }
  /** §5.11: exact paths or trailing `*`; returns how many entries were removed. */
  invalidate(paths: readonly string[]): number {
    throw new Error('not implemented');
  }
  clear(): void {
    throw new Error('not implemented');
  }
  get size(): number {
    throw new Error('not implemented');
  }
  get bytes(): number {
    throw new Error('not implemented');
  }
}
