import { filterQueryString, sortedCookiePairs } from '../event/index.js';
import type { CfHeaders } from '../event/types.js';
import type { CompiledKeyPolicy } from './compile-key-policy.js';

/** A length-prefixed part: no separator can be forged by the part's own characters (D32). */
export function part(s: string): string {
  return `${s.length}:${s}`;
}

/**
 * §5.1: the query parameters the policy keeps, in their original order. Names and values are
 * case-sensitive and compared as received; only `&` separates parameters (`;` does not).
 * `all` keeps the query string exactly as received.
 */
export function keptQuery(c: CompiledKeyPolicy, querystring: string): string {
  if (c.query === 'all' || querystring.length === 0) return c.query === 'none' ? '' : querystring;
  if (c.query === 'none') return '';
  return filterQueryString(querystring, keepsQueryName, c);
}

function keepsQueryName(c: CompiledKeyPolicy, name: string): boolean {
  return c.queryNames.has(name) === (c.query === 'whitelist');
}

/**
 * §5.1: the listed headers, names lower-case in sorted order (compiled), values exact. An absent
 * header adds nothing; several lines of one header are joined with `,` (RFC 9110 §5.3).
 */
export function keptHeaders(c: CompiledKeyPolicy, headers: CfHeaders): string {
  let out = '';
  for (const name of c.headerNames) {
    const lines = headers[name];
    if (lines === undefined || lines.length === 0) continue;
    out += part(name) + part(lines.length === 1 ? lines[0]!.value : joinValues(lines));
  }
  return out;
}

/** All lines of one header joined with `,`; undefined when absent. */
export function headerValue(headers: CfHeaders, name: string): string | undefined {
  const lines = headers[name];
  if (lines === undefined || lines.length === 0) return undefined;
  return lines.length === 1 ? lines[0]!.value : joinValues(lines);
}

function joinValues(lines: readonly { value: string }[]): string {
  let v = lines[0]!.value;
  for (let i = 1; i < lines.length; i++) v += `,${lines[i]!.value}`;
  return v;
}

/**
 * §5.1: the cookies the policy keeps, sorted by name, as `name=value` joined with `;`. Read from every `Cookie` line.
 */
export function keptCookies(c: CompiledKeyPolicy, headers: CfHeaders): string {
  return sortedCookiePairs(headers, keepsCookie, c).join(';');
}

function keepsCookie(c: CompiledKeyPolicy, name: string): boolean {
  switch (c.cookies) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'whitelist':
      return c.cookieNames.has(name) || (c.cookiePattern !== undefined && c.cookiePattern.test(name));
    case 'allExcept':
      return !c.cookieNames.has(name);
  }
}
