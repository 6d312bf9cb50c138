import type { CacheEntry } from './types.js';

/** Bookkeeping per entry (object, slot, Map node) added to what its fields hold; an estimate. */
export const ENTRY_OVERHEAD_BYTES = 128;

/** §4: CloudFront caches a GET response of up to 50 GB; larger objects are served but never stored. */
export const MAX_OBJECT_BYTES = 50 * 1024 ** 3;

/**
 * What an entry costs against the byte budget: body + header names and values + key + path and
 * status text (string characters counted as bytes) + a fixed overhead.
 */
export function entryBytes(entry: CacheEntry): number {
  let n = ENTRY_OVERHEAD_BYTES + entry.body.length + entry.key.length;
  n += entry.invalidationPath.length + entry.statusDescription.length;
  for (const name in entry.headers) {
    const lines = entry.headers[name];
    if (lines === undefined) continue;
    n += name.length;
    for (const line of lines) n += (line.key?.length ?? 0) + line.value.length;
  }
  return n;
}
