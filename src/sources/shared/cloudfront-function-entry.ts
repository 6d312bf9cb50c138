import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeInlineCode } from './handler-module.js';

/**
 * The `functions` entry of a CloudFront Function whose code a source holds as text: the code written to a file, the
 * runtime, and, when the function is associated with a key value store (whose data is imported at deploy time),
 * an empty store file written once, so what the user fills in survives the next conversion. `warn` gets the fix.
 */
export function cloudFrontFunctionCodeEntry(codeDir: string, name: string, code: string, runtime: string, hasStore: boolean, warn: (message: string) => void): Record<string, unknown> {
  const entry: Record<string, unknown> = { code: writeInlineCode(codeDir, `cloudfront-functions/${name}.js`, code), runtime };
  if (hasStore) {
    const path = join(codeDir, 'key-value-stores', `${name}.json`);
    entry.keyValueStore = existsSync(path) ? path : writeInlineCode(codeDir, `key-value-stores/${name}.json`, '{ "data": [] }\n');
    warn(`its key value store's data is imported at deploy time; edge-dev starts it empty: fill ${String(entry.keyValueStore)} ({ "data": [{ "key", "value" }] }).`);
  }
  return entry;
}
