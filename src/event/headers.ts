import type { CfHeaders } from './types.js';
import { canonicalKeyOf, lowerHeaderName } from './header-names.js';
import { isDisallowedHeader } from './header-rules.js';
import { textToWire, wireToText } from './header-syntax.js';

type HeaderList = CfHeaders[string];

/** An empty header map without a prototype: a viewer can send `__proto__` or `constructor`. */
export function newHeaderMap(): CfHeaders {
  return Object.create(null) as CfHeaders;
}

/** Own-property read, safe on plain objects that came from JSON (no prototype lookups). */
export function ownHeader(headers: CfHeaders, lowerName: string): HeaderList | undefined {
  return Object.hasOwn(headers, lowerName) ? headers[lowerName] : undefined;
}

/** Writes an own property even for `__proto__` on an object that has a prototype. */
export function putHeader(headers: CfHeaders, lowerName: string, list: HeaderList): void {
  if (lowerName === '__proto__') {
    Object.defineProperty(headers, lowerName, { value: list, writable: true, enumerable: true, configurable: true });
  } else {
    headers[lowerName] = list;
  }
}

/**
 * §1.6: node's `rawHeaders` ([name, value, ...]) to a header map, keeping wire case, order and repeats.
 * Values are latin1 byte strings (node, undici); they are exposed as UTF-8 text, ISO-8859-1 when not UTF-8.
 */
export function headersFromRawHeaders(raw: readonly string[]): CfHeaders {
  const headers = newHeaderMap();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const key = raw[i]!;
    const lower = lowerHeaderName(key);
    const entry = { key, value: wireToText(raw[i + 1]!) };
    const list = headers[lower];
    if (list === undefined) headers[lower] = [entry];
    else list.push(entry);
  }
  return headers;
}

/**
 * §1.6: a header map to flat [name, value, ...] for node/undici, `key` synthesised when omitted.
 * Values go out as latin1 byte strings of their UTF-8 bytes.
 */
export function headersToRawHeaders(headers: CfHeaders): string[] {
  const raw: string[] = [];
  for (const lower of Object.keys(headers)) {
    const list = headers[lower]!;
    for (let i = 0; i < list.length; i++) {
      const entry = list[i]!;
      raw.push(entry.key ?? canonicalKeyOf(lower), textToWire(entry.value));
    }
  }
  return raw;
}

/** First value of a header by lower-case name. */
export function getHeaderValue(headers: CfHeaders, lowerName: string): string | undefined {
  return ownHeader(headers, lowerName)?.[0]?.value;
}

/** Replace all values of a header with one. `key` defaults to the canonical form. */
export function setHeader(headers: CfHeaders, lowerName: string, value: string, key?: string): void {
  putHeader(headers, lowerName, [{ key: key ?? canonicalKeyOf(lowerName), value }]);
}

export function deleteHeader(headers: CfHeaders, lowerName: string): void {
  delete headers[lowerName];
}

/** §1.6: `user-agent` -> `User-Agent`. */
export function canonicalHeaderKey(lowerName: string): string {
  return canonicalKeyOf(lowerName);
}

/** §3.2: drop disallowed headers from a map bound for an event. Returns the same map when nothing was dropped. */
export function stripDisallowedHeaders(headers: CfHeaders): CfHeaders {
  let stripped: CfHeaders | undefined;
  const names = Object.keys(headers);
  for (let i = 0; i < names.length; i++) {
    const lower = names[i]!;
    if (isDisallowedHeader(lowerHeaderName(lower))) {
      if (stripped === undefined) {
        stripped = newHeaderMap();
        for (let j = 0; j < i; j++) stripped[names[j]!] = headers[names[j]!]!;
      }
    } else if (stripped !== undefined) {
      stripped[lower] = headers[lower]!;
    }
  }
  return stripped ?? headers;
}
