import type { CacheKeyPolicy, LegacyForwarding } from './types.js';
import { wildcardSource } from './compile-path-pattern.js';
import { checkUnknownKeys } from './check-unknown-keys.js';
import { compileTtls } from './compile-cache-policy.js';
import { childLocation, warn, type Diagnostics, type JsonLocation } from './json-location.js';
import { expectObject, oneOf, optionalBoolean, stringList, type JsonObject } from './read-fields.js';

const WILDCARD = /[*?]/;

/**
 * §5.2 (D33): a behavior on legacy `ForwardedValues` + MinTTL/DefaultTTL/MaxTTL becomes the same CacheKeyPolicy
 * the cache uses for policies (id `legacy:<path pattern>`), plus the flags a policy cannot say.
 * `Headers` = `*` forwards everything and caches nothing, so its TTLs compile to 0.
 * `Compress: true` enables gzip (not Brotli) normalisation (D33).
 */
export function compileLegacyForwarding(
  behavior: JsonObject,
  pathPattern: string,
  compress: boolean,
  loc: JsonLocation,
  diagnostics: Diagnostics,
): { cachePolicy: CacheKeyPolicy; legacy: LegacyForwarding } {
  const fvLoc = childLocation(loc, 'ForwardedValues');
  const fv = expectObject(behavior.ForwardedValues, fvLoc);
  checkUnknownKeys(fv, ['QueryString', 'Cookies', 'Headers', 'QueryStringCacheKeys'], fvLoc, diagnostics);
  const ttls = compileTtls(behavior, loc, false);

  const forwardAllQueryStrings = optionalBoolean(fv, 'QueryString', fvLoc) ?? false;
  const queryKeys = forwardAllQueryStrings ? stringList(fv, 'QueryStringCacheKeys', fvLoc, diagnostics) : [];
  const queryStrings = !forwardAllQueryStrings
    ? { behavior: 'none' as const, names: [] }
    : queryKeys.length
      ? { behavior: 'whitelist' as const, names: queryKeys }
      : { behavior: 'all' as const, names: [] };

  const cookiesLoc = childLocation(fvLoc, 'Cookies');
  const cookiesConfig = expectObject(fv.Cookies ?? { Forward: 'none' }, cookiesLoc);
  checkUnknownKeys(cookiesConfig, ['Forward', 'WhitelistedNames'], cookiesLoc, diagnostics);
  const forward = oneOf(cookiesConfig, 'Forward', cookiesLoc, ['none', 'whitelist', 'all'] as const) ?? 'none';
  const cookieNames = forward === 'whitelist' ? stringList(cookiesConfig, 'WhitelistedNames', cookiesLoc, diagnostics) : [];

  const headerNames = stringList(fv, 'Headers', fvLoc, diagnostics).map((name) => name.toLowerCase());
  const forwardAllHeaders = headerNames.includes('*');
  if (forwardAllHeaders && ttls.minTTL !== 0) {
    warn(diagnostics, childLocation(loc, 'MinTTL'), 'must be 0 when ForwardedValues.Headers is "*" (api:CacheBehavior); CloudFront rejects this at deploy time (run `edge-dev check`).');
  }
  const cachePolicy: CacheKeyPolicy = Object.freeze({
    id: `legacy:${pathPattern}`,
    name: `legacy ForwardedValues (${pathPattern})`,
    ...(forwardAllHeaders ? { minTTL: 0, defaultTTL: 0, maxTTL: 0 } : ttls),
    headers: Object.freeze(
      forwardAllHeaders || headerNames.length === 0
        ? { behavior: 'none' as const, names: Object.freeze([]) }
        : { behavior: 'whitelist' as const, names: Object.freeze(headerNames) },
    ),
    cookies: Object.freeze({ behavior: forward, names: Object.freeze(cookieNames) }),
    queryStrings: Object.freeze({ behavior: queryStrings.behavior, names: Object.freeze(queryStrings.names) }),
    enableAcceptEncodingGzip: compress,
    enableAcceptEncodingBrotli: false,
    ...cookiePatternOf(cookieNames),
  });
  const legacy: LegacyForwarding = Object.freeze({
    forwardAllQueryStrings,
    forwardAllHeaders,
  });
  return { cachePolicy, legacy };
}

// §5.2: whitelisted cookie names may use `*` and `?`; compiled once, for the key and for forwarding alike.
function cookiePatternOf(names: readonly string[]): { cookiePattern?: RegExp } {
  const wildcards = names.filter((name) => WILDCARD.test(name));
  return wildcards.length ? { cookiePattern: new RegExp(`^(?:${wildcards.map(wildcardSource).join('|')})$`, 's') } : {};
}
