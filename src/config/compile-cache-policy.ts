import type { CacheKeyPolicy } from './types.js';
import { checkUnknownKeys } from './check-unknown-keys.js';
import { childLocation, fail, indexLocation, type Diagnostics, type JsonLocation } from './json-location.js';
import { expectObject, optionalBoolean, optionalNumber, optionalString } from './read-fields.js';
import { readPolicyList, unwrapPolicyConfig } from './read-policy-list.js';

const TTL_RANGE = { min: 0, max: 3_153_600_000 };
const LIST_LIMIT = 10;
const NAMES_LIMIT = 1024;
// §6.3: allowed in origin request policies only.
const NOT_IN_CACHE_KEY = new Set([
  'cloudfront-viewer-address',
  'cloudfront-viewer-asn',
  'cloudfront-viewer-ja3-fingerprint',
  'cloudfront-viewer-tls',
]);

/**
 * api:CachePolicyConfig: DefaultTTL defaults to 86,400 s (or MinTTL when larger); MaxTTL to 31,536,000 s
 * (or DefaultTTL when larger). TTLs must not decrease.
 */
export function compileTtls(
  obj: Record<string, unknown>,
  loc: JsonLocation,
  minRequired: boolean,
): { minTTL: number; defaultTTL: number; maxTTL: number } {
  const min = optionalNumber(obj, 'MinTTL', loc, TTL_RANGE);
  if (min === undefined && minRequired) fail(childLocation(loc, 'MinTTL'), 'is required: give seconds, e.g. 0 or 1.');
  const minTTL = min ?? 0;
  const defaultTTL = optionalNumber(obj, 'DefaultTTL', loc, TTL_RANGE) ?? Math.max(86_400, minTTL);
  const maxTTL = optionalNumber(obj, 'MaxTTL', loc, TTL_RANGE) ?? Math.max(31_536_000, defaultTTL);
  if (defaultTTL < minTTL) fail(childLocation(loc, 'DefaultTTL'), `${defaultTTL} is below MinTTL ${minTTL}: raise DefaultTTL or lower MinTTL.`);
  if (maxTTL < defaultTTL) fail(childLocation(loc, 'MaxTTL'), `${maxTTL} is below DefaultTTL ${defaultTTL}: raise MaxTTL or lower DefaultTTL.`);
  return { minTTL, defaultTTL, maxTTL };
}

// §4 cache policy limits: ≤ 10 headers, 10 cookies, 10 query strings; names ≤ 1,024 characters in total.
function checkCachePolicyLimits(lists: Array<{ names: string[]; loc: JsonLocation; what: string }>, loc: JsonLocation): void {
  let total = 0;
  for (const list of lists) {
    if (list.names.length > LIST_LIMIT) {
      fail(list.loc, `lists ${list.names.length} ${list.what}; a cache policy allows at most ${LIST_LIMIT} (reference §4). Remove some.`);
    }
    for (const name of list.names) total += name.length;
  }
  if (total > NAMES_LIMIT) {
    fail(loc, `header, cookie and query string names add up to ${total} characters; a cache policy allows ${NAMES_LIMIT} (reference §4).`);
  }
}

// §5.1 / §6.3: some CloudFront-Viewer-* headers are allowed only in origin request policies.
function checkCacheKeyHeaders(names: readonly string[], loc: JsonLocation): void {
  names.forEach((name, i) => {
    if (NOT_IN_CACHE_KEY.has(name)) {
      fail(indexLocation(childLocation(loc, 'Items'), i), `${name} is allowed in origin request policies only, not in a cache policy (reference §6.3). Move it to an origin request policy.`);
    }
  });
}

/** §5.1: a custom cache policy from `cachePolicies` (the API's CachePolicyConfig shape) to a CacheKeyPolicy. */
export function compileCachePolicy(id: string, value: unknown, at: JsonLocation, diagnostics: Diagnostics): CacheKeyPolicy {
  const { config, loc } = unwrapPolicyConfig(value, 'CachePolicy', 'CachePolicyConfig', at);
  checkUnknownKeys(config, ['Comment', 'Name', 'DefaultTTL', 'MaxTTL', 'MinTTL', 'ParametersInCacheKeyAndForwardedToOrigin'], loc, diagnostics);
  const ttls = compileTtls(config, loc, true);
  const paramsLoc = childLocation(loc, 'ParametersInCacheKeyAndForwardedToOrigin');
  const params = expectObject(config.ParametersInCacheKeyAndForwardedToOrigin ?? {}, paramsLoc);
  checkUnknownKeys(
    params,
    ['EnableAcceptEncodingGzip', 'EnableAcceptEncodingBrotli', 'HeadersConfig', 'CookiesConfig', 'QueryStringsConfig'],
    paramsLoc,
    diagnostics,
  );
  const noneList = { HeaderBehavior: 'none', CookieBehavior: 'none', QueryStringBehavior: 'none' };
  const withDefaults = { HeadersConfig: noneList, CookiesConfig: noneList, QueryStringsConfig: noneList, ...params };
  const headers = readPolicyList(withDefaults, 'HeadersConfig', 'HeaderBehavior', 'Headers', ['none', 'whitelist'] as const, paramsLoc, diagnostics);
  const cookieBehaviors = ['none', 'whitelist', 'allExcept', 'all'] as const;
  const cookies = readPolicyList(withDefaults, 'CookiesConfig', 'CookieBehavior', 'Cookies', cookieBehaviors, paramsLoc, diagnostics);
  const queryStrings = readPolicyList(withDefaults, 'QueryStringsConfig', 'QueryStringBehavior', 'QueryStrings', cookieBehaviors, paramsLoc, diagnostics);
  const headerNames = headers.names.map((name) => name.toLowerCase());
  checkCacheKeyHeaders(headerNames, headers.loc);
  checkCachePolicyLimits(
    [
      { names: headerNames, loc: headers.loc, what: 'headers' },
      { names: cookies.names, loc: cookies.loc, what: 'cookies' },
      { names: queryStrings.names, loc: queryStrings.loc, what: 'query strings' },
    ],
    paramsLoc,
  );
  return Object.freeze({
    id,
    name: optionalString(config, 'Name', loc) ?? id,
    ...ttls,
    headers: Object.freeze({ behavior: headers.behavior, names: Object.freeze(headerNames) }),
    cookies: Object.freeze({ behavior: cookies.behavior, names: Object.freeze(cookies.names) }),
    queryStrings: Object.freeze({ behavior: queryStrings.behavior, names: Object.freeze(queryStrings.names) }),
    enableAcceptEncodingGzip: optionalBoolean(params, 'EnableAcceptEncodingGzip', paramsLoc) ?? false,
    enableAcceptEncodingBrotli: optionalBoolean(params, 'EnableAcceptEncodingBrotli', paramsLoc) ?? false,
  });
}
