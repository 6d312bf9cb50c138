import { CLOUDFRONT_TEXT, type EdgeError } from '../errors.js';
import { canonicalKeyOf, lowerHeaderName } from '../header-names.js';
import { isHeaderName } from '../header-syntax.js';
import { newHeaderMap } from '../headers.js';
import type { CfHeaders, LambdaEventType } from '../types.js';
import { checkHeaderValue } from './check-header-value.js';
import { describe, headerPath, isObject, validationError, warning } from './fail.js';

function shapeError(eventType: LambdaEventType, what: string): EdgeError {
  return validationError(CLOUDFRONT_TEXT.invalidShape, eventType, what, '§1.6');
}

/**
 * §1.6 (D7): reads a returned header map into a fresh null-prototype map with lower-case names and a `key` on
 * every entry. An empty array removes the header; an upper-case map name or a `key` that does not match the
 * map name is accepted with a warning and the map name wins. Anything else malformed fails validation.
 */
export function readHeaderMap(eventType: LambdaEventType, path: string, value: unknown, warnings: string[]): CfHeaders {
  if (!isObject(value)) {
    throw shapeError(eventType, `${path} is ${describe(value)}, but it must be an object of lower-case names to [{ key, value }] arrays`);
  }
  const headers = newHeaderMap();
  for (const name of Object.keys(value)) {
    const here = headerPath(path, name);
    if (!isHeaderName(name)) {
      throw shapeError(eventType, `${here}: the name is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_\`|~ only)`);
    }
    const list = value[name];
    if (!Array.isArray(list)) {
      throw shapeError(eventType, `${here} is ${describe(list)}, but each header must be an array of { key, value } objects`);
    }
    const lower = lowerHeaderName(name);
    if (lower !== name) {
      warnings.push(warning(eventType, `${here}: header map names should be lower-case; read as "${lower}"`, '§1.6, D7'));
    }
    if (list.length === 0) continue;
    let target = headers[lower];
    if (target === undefined) headers[lower] = target = [];
    for (let i = 0; i < list.length; i++) {
      const entry: unknown = list[i];
      const at = `${here}[${i}]`;
      if (!isObject(entry)) throw shapeError(eventType, `${at} is ${describe(entry)}, but it must be an object { key, value }`);
      const headerValue = entry.value;
      checkHeaderValue(eventType, at, headerValue);
      const given = entry.key;
      let key: string;
      if (given === undefined) {
        key = canonicalKeyOf(lower);
      } else if (typeof given !== 'string') {
        throw shapeError(eventType, `${at}.key is ${describe(given)}, but it must be a string (or left out)`);
      } else if (lowerHeaderName(given) !== lower) {
        warnings.push(warning(eventType, `${at}.key ${JSON.stringify(given)} does not match the map name "${lower}"; "${lower}" is used`, '§1.6, D7'));
        key = canonicalKeyOf(lower);
      } else {
        key = given;
      }
      target.push({ key, value: headerValue });
    }
  }
  return headers;
}
