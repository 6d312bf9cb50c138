import { ConfigError } from './errors.js';
import { lowerHeaderName } from './header-names.js';
import { isDisallowedHeader } from './header-rules.js';
import { hasLineBreakOrNul, isHeaderName } from './header-syntax.js';
import { newHeaderMap, putHeader } from './headers.js';
import type { CfHeaders } from './types.js';

/** Where `buildEvent` option errors point (they are not from a file). */
export const OPTIONS_SOURCE = 'event options';

type HeaderOption = Record<string, string | readonly string[] | ReadonlyArray<{ key?: string; value: string }>>;

function bad(field: string, message: string): never {
  throw new ConfigError(OPTIONS_SOURCE, field, message);
}

function checkValue(field: string, value: unknown): string {
  if (typeof value !== 'string') bad(field, `expected a string value, got ${value === null ? 'null' : typeof value}`);
  if (hasLineBreakOrNul(value)) bad(field, 'a header value may not contain CR, LF or NUL');
  return value;
}

/**
 * Header options in either friendly form, `{ 'User-Agent': 'x' }` / `{ accept: ['a', 'b'] }` (name as sent) or a full
 * CfHeaders map, into `[key, value]` pairs grouped by lower-case name. Disallowed headers (§3.2) are refused: CloudFront
 * never shows them to a function.
 */
export function readHeaderOption(field: string, option: HeaderOption | undefined): Map<string, [string, string][]> {
  const out = new Map<string, [string, string][]>();
  if (option === undefined) return out;
  if (typeof option !== 'object' || option === null || Array.isArray(option)) {
    bad(field, 'expected an object such as { "User-Agent": "curl/8.0" } or a { name: [{ key, value }] } map');
  }
  for (const name of Object.keys(option)) {
    const at = `${field}[${JSON.stringify(name)}]`;
    if (!isHeaderName(name)) bad(at, 'not a valid HTTP header name');
    const lower = lowerHeaderName(name);
    if (isDisallowedHeader(lower)) bad(at, `${name} is a disallowed header (reference §3.2); CloudFront never passes it to a function, remove it`);
    const given: unknown = (option as Record<string, unknown>)[name];
    const pairs = out.get(lower) ?? [];
    const list = Array.isArray(given) ? given : [given];
    for (let i = 0; i < list.length; i++) {
      const item: unknown = list[i];
      if (typeof item === 'object' && item !== null) {
        const { key, value } = item as { key?: unknown; value?: unknown };
        if (key !== undefined && (typeof key !== 'string' || lowerHeaderName(key) !== lower)) {
          bad(`${at}[${i}].key`, `expected the header name "${name}" in any case`);
        }
        pairs.push([(key as string | undefined) ?? name, checkValue(`${at}[${i}].value`, value)]);
      } else {
        pairs.push([name, checkValue(Array.isArray(given) ? `${at}[${i}]` : at, item)]);
      }
    }
    out.set(lower, pairs);
  }
  return out;
}

/**
 * Defaults in their order; a given header replaces the same-named default in place (an empty array removes it);
 * other given headers follow.
 */
export function mergeHeaders(defaults: [string, string][], given: Map<string, [string, string][]>): CfHeaders {
  const headers = newHeaderMap();
  const placed = new Set<string>();
  const place = (lower: string, pairs: [string, string][]): void => {
    placed.add(lower);
    if (pairs.length > 0) putHeader(headers, lower, pairs.map(([key, value]) => ({ key, value })));
  };
  for (const [key, value] of defaults) {
    const lower = lowerHeaderName(key);
    const pairs = given.get(lower);
    if (pairs === undefined) putHeader(headers, lower, [...(headers[lower] ?? []), { key, value }]);
    else if (!placed.has(lower)) place(lower, pairs);
  }
  for (const [lower, pairs] of given) if (!placed.has(lower)) place(lower, pairs);
  return headers;
}
