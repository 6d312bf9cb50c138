import type { CacheEntry } from './types.js';

/**
 * Memory per entry beyond its bytes of data, as measured on Node 20 (x64): the entry and slot objects, the Map
 * node, the body Buffer's object and backing-store bookkeeping, the header map. Measured with 100k 1 KB entries
 * (`bench/`): about 2.9 KB of RSS each, against 1.4 KB when only data bytes and 128 bytes of overhead counted, so
 * a full cache used twice its byte budget.
 */
export const ENTRY_OVERHEAD_BYTES = 640;
/** Per header name in the map: the property and its array. */
export const HEADER_NAME_OVERHEAD_BYTES = 64;
/** Per header line: the `{ key, value }` object and its array slot. */
export const HEADER_LINE_OVERHEAD_BYTES = 96;

/** §4: CloudFront caches a GET response of up to 50 GB; larger objects are served but never stored. */
export const MAX_OBJECT_BYTES = 50 * 1024 ** 3;

/**
 * What an entry costs against the byte budget, so the budget bounds the process's memory (an estimate): body +
 * header names and values + key + path and status text (string characters counted as bytes) + the fixed
 * overheads of the objects holding them.
 */
export function entryBytes(entry: CacheEntry): number {
  let n = ENTRY_OVERHEAD_BYTES + entry.body.length + entry.key.length;
  n += entry.invalidationPath.length + entry.statusDescription.length;
  for (const name in entry.headers) {
    const lines = entry.headers[name];
    if (lines === undefined) continue;
    n += name.length + HEADER_NAME_OVERHEAD_BYTES;
    for (const line of lines) n += (line.key?.length ?? 0) + line.value.length + HEADER_LINE_OVERHEAD_BYTES;
  }
  return n;
}
