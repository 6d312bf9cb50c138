import { filterQueryString, sortedCookiePairs } from '../event/index.js';
import type { CfHeaders } from '../event/types.js';
import { ruleIncludes, type Forwarding } from './forwarding.js';

// §5.1: signed-URL parameters never reach the origin.
const SIGNED_URL_PARAMETERS = new Set(['Expires', 'Key-Pair-Id', 'Policy', 'Signature']);

/**
 * §5.1, §5.2, §5.5: the query string sent to the origin: parameters some policy forwards, in viewer order
 * (order matters, names are case-sensitive, only `&` separates), signed-URL parameters removed.
 */
export function forwardedQueryString(querystring: string, forwarding: Forwarding): string {
  return querystring === '' ? '' : filterQueryString(querystring, queryForwarded, forwarding);
}

function queryForwarded(forwarding: Forwarding, name: string): boolean {
  return !SIGNED_URL_PARAMETERS.has(name) && includedByAny(forwarding.queryRules, name);
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
