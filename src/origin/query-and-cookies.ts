import { sortedCookiePairs } from '../event/index.js';
import type { CfHeaders } from '../event/types.js';
import { ruleIncludes, type Forwarding } from './forwarding.js';

// §5.1: signed-URL parameters never reach the origin.
const SIGNED_URL_PARAMETERS = new Set(['Expires', 'Key-Pair-Id', 'Policy', 'Signature']);

/**
 * §5.1, §5.2, §5.5: the query string sent to the origin: parameters some policy forwards, in viewer order
 * (order matters, names are case-sensitive, only `&` separates), signed-URL parameters removed.
 */
export function forwardedQueryString(querystring: string, forwarding: Forwarding): string {
  if (querystring === '') return '';
  let out = '';
  let start = 0;
  while (start <= querystring.length) {
    let end = querystring.indexOf('&', start);
    if (end === -1) end = querystring.length;
    if (end > start) {
      const eq = querystring.indexOf('=', start);
      const name = querystring.slice(start, eq === -1 || eq > end ? end : eq);
      if (!SIGNED_URL_PARAMETERS.has(name) && includedByAny(forwarding.queryRules, name)) {
        out = out === '' ? querystring.slice(start, end) : `${out}&${querystring.slice(start, end)}`;
      }
    }
    start = end + 1;
  }
  return out;
}

function includedByAny(rules: Forwarding['queryRules'], name: string): boolean {
  for (const rule of rules) if (ruleIncludes(rule, name)) return true;
  return false;
}

function cookieIncluded(forwarding: Forwarding, name: string): boolean {
  if (includedByAny(forwarding.cookieRules, name)) return true;
  return forwarding.cookiePattern !== undefined && forwarding.cookiePattern.test(name);
}

/**
 * §5.1 (dg:Cookies): the `Cookie` value sent to the origin: the forwarded cookies from every viewer `Cookie`
 * line, sorted by name; `undefined` when none is forwarded.
 */
export function forwardedCookieHeader(headers: CfHeaders, forwarding: Forwarding): string | undefined {
  const pairs = sortedCookiePairs(headers, cookieIncluded, forwarding);
  return pairs.length === 0 ? undefined : pairs.join('; ');
}
