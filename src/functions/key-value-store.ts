/**
 * Key value stores (dg:kvs-with-functions): the import file format and CloudFront's limits, checked once at load.
 */
import { statSync } from 'node:fs';
import type { KeyValueStoreData } from './types.js';

// dg:cloudfront-limits "Quotas on key value stores".
export const KVS_MAX_KEY_BYTES = 512;
export const KVS_MAX_VALUE_BYTES = 1024;
export const KVS_MAX_STORE_BYTES = 5 * 1024 * 1024;

/** A problem in a key value store file: the JSON path and the fix. */
export class KeyValueStoreError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'KeyValueStoreError';
  }
}

/** dg:kvs-with-functions-kvp (import source file): `{ "data": [{ "key": "k", "value": "v" }, ...] }`. */
export function readKeyValueStore(json: unknown, file: string): KeyValueStoreData {
  const data = (json as { data?: unknown } | null)?.data;
  if (typeof json !== 'object' || json === null || !Array.isArray(data)) {
    throw new KeyValueStoreError('data', 'expected { "data": [{ "key": "...", "value": "..." }] } (the file format CloudFront imports).');
  }
  const entries = new Map<string, string>();
  let bytes = 0;
  data.forEach((item: unknown, i) => {
    const { key, value } = (item ?? {}) as { key?: unknown; value?: unknown };
    if (typeof key !== 'string' || key === '') throw new KeyValueStoreError(`data[${i}].key`, 'expected a non-empty string.');
    if (typeof value !== 'string') throw new KeyValueStoreError(`data[${i}].value`, 'expected a string (store JSON as text and read it with get(key, { format: "json" })).');
    const keyBytes = Buffer.byteLength(key);
    const valueBytes = Buffer.byteLength(value);
    if (keyBytes > KVS_MAX_KEY_BYTES) throw new KeyValueStoreError(`data[${i}].key`, `is ${keyBytes} bytes; CloudFront allows ${KVS_MAX_KEY_BYTES}.`);
    if (valueBytes > KVS_MAX_VALUE_BYTES) throw new KeyValueStoreError(`data[${i}].value`, `is ${valueBytes} bytes; CloudFront allows ${KVS_MAX_VALUE_BYTES}.`);
    if (entries.has(key)) throw new KeyValueStoreError(`data[${i}].key`, `"${key}" appears twice; keys are unique.`);
    entries.set(key, value);
    bytes += keyBytes + valueBytes;
  });
  if (bytes > KVS_MAX_STORE_BYTES) throw new KeyValueStoreError('data', `holds ${bytes} bytes; a store holds at most ${KVS_MAX_STORE_BYTES}.`);
  let modified = new Date(0);
  try {
    modified = statSync(file).mtime;
  } catch {
    // A store built in memory (tests, invoke from stdin) has no file date.
  }
  return { file, entries, bytes, modified };
}
