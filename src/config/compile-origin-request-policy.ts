import type { OriginRequestPolicy } from './types.js';
import { CLOUDFRONT_HEADERS } from './managed-policies.js';
import { checkUnknownKeys } from './check-unknown-keys.js';
import { childLocation, fail, indexLocation, warn, type Diagnostics, type JsonLocation } from './json-location.js';
import { optionalString } from './read-fields.js';
import { readPolicyList, unwrapPolicyConfig } from './read-policy-list.js';

const HEADER_BEHAVIORS = ['none', 'whitelist', 'allViewer', 'allViewerAndWhitelistCloudFront', 'allExcept'] as const;
const LIST_BEHAVIORS = ['none', 'whitelist', 'allExcept', 'all'] as const;
// §5.1: these reach the origin only through the cache policy (or an all-viewer-headers policy).
const NOT_LISTABLE = new Set(['authorization', 'accept-encoding']);
const LIST_QUOTA = 10;

// §5.1: Authorization and Accept-Encoding cannot be listed; allViewerAndWhitelistCloudFront lists CloudFront-* only.
function checkOriginRequestHeaders(behavior: string, names: readonly string[], loc: JsonLocation): void {
  names.forEach((name, i) => {
    if (NOT_LISTABLE.has(name) && behavior !== 'allExcept') {
      fail(indexLocation(childLocation(loc, 'Items'), i), `${name} cannot be listed in an origin request policy (reference §5.1); put it in the cache policy instead.`);
    }
    if (behavior === 'allViewerAndWhitelistCloudFront' && !CLOUDFRONT_HEADERS.has(name)) {
      fail(indexLocation(childLocation(loc, 'Items'), i), `${name} is not a CloudFront-* header (reference §6.3); with allViewerAndWhitelistCloudFront list only CloudFront headers.`);
    }
  });
}

/** §5.5: a custom origin request policy from `originRequestPolicies` (OriginRequestPolicyConfig shape). */
export function compileOriginRequestPolicy(
  id: string,
  value: unknown,
  at: JsonLocation,
  diagnostics: Diagnostics,
): OriginRequestPolicy {
  const { config, loc } = unwrapPolicyConfig(value, 'OriginRequestPolicy', 'OriginRequestPolicyConfig', at);
  checkUnknownKeys(config, ['Comment', 'Name', 'HeadersConfig', 'CookiesConfig', 'QueryStringsConfig'], loc, diagnostics);
  const headers = readPolicyList(config, 'HeadersConfig', 'HeaderBehavior', 'Headers', HEADER_BEHAVIORS, loc, diagnostics);
  const cookies = readPolicyList(config, 'CookiesConfig', 'CookieBehavior', 'Cookies', LIST_BEHAVIORS, loc, diagnostics);
  const queryStrings = readPolicyList(config, 'QueryStringsConfig', 'QueryStringBehavior', 'QueryStrings', LIST_BEHAVIORS, loc, diagnostics);
  const headerNames = headers.names.map((name) => name.toLowerCase());
  checkOriginRequestHeaders(headers.behavior, headerNames, headers.loc);
  for (const [list, what] of [[{ ...headers, names: headerNames }, 'headers'], [cookies, 'cookies'], [queryStrings, 'query strings']] as const) {
    if (list.names.length > LIST_QUOTA) {
      warn(diagnostics, list.loc, `lists ${list.names.length} ${what}; CloudFront's default quota is ${LIST_QUOTA} per origin request policy (run \`edge-dev check\`).`);
    }
  }
  return Object.freeze({
    id,
    name: optionalString(config, 'Name', loc) ?? id,
    headers: Object.freeze({ behavior: headers.behavior, names: Object.freeze(headerNames) }),
    cookies: Object.freeze({ behavior: cookies.behavior, names: Object.freeze(cookies.names) }),
    queryStrings: Object.freeze({ behavior: queryStrings.behavior, names: Object.freeze(queryStrings.names) }),
  });
}
