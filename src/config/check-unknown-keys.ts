import { didYouMean } from '../event/index.js';
import { childLocation, warn, type Diagnostics, type JsonLocation } from './json-location.js';
import type { JsonObject } from './read-fields.js';

/** An unknown key is a warning naming the key and the closest known one: the rest of the file still loads. */
export function checkUnknownKeys(
  obj: JsonObject,
  known: readonly string[],
  loc: JsonLocation,
  diagnostics: Diagnostics,
): void {
  for (const key of Object.keys(obj)) {
    if (known.includes(key)) continue;
    const suggestion = didYouMean(key, known);
    warn(
      diagnostics,
      childLocation(loc, key),
      `unknown key ${JSON.stringify(key)} is ignored${suggestion ? `; did you mean "${suggestion}"?` : '.'}`,
    );
  }
}
