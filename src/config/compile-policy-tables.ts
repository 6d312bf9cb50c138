import type { CacheKeyPolicy, OriginRequestPolicy, ResponseHeadersPolicy } from './types.js';
import type { PolicyTables } from './compile-behavior.js';
import { compileCachePolicy } from './compile-cache-policy.js';
import { compileOriginRequestPolicy } from './compile-origin-request-policy.js';
import { compileResponseHeadersPolicy } from './compile-response-headers-policy.js';
import { compileKeyGroups } from './compile-trusted-keys.js';
import { childLocation, warn, type Diagnostics, type JsonLocation } from './json-location.js';
import { MANAGED_CACHE_POLICIES, MANAGED_ORIGIN_REQUEST_POLICIES } from './managed-policies.js';
import { MANAGED_RESPONSE_HEADERS_POLICIES } from './managed-response-headers-policies.js';
import { expectObject, type JsonObject } from './read-fields.js';

function merge<P>(
  managed: ReadonlyMap<string, P>,
  value: unknown,
  loc: JsonLocation,
  compile: (id: string, value: unknown, loc: JsonLocation, diagnostics: Diagnostics) => P,
  diagnostics: Diagnostics,
): Map<string, P> {
  const table = new Map(managed);
  const custom = expectObject(value ?? {}, loc, 'an object mapping policy Ids to policy configs');
  for (const [id, config] of Object.entries(custom)) {
    const at = childLocation(loc, id);
    if (managed.has(id)) warn(diagnostics, at, `"${id}" is an AWS managed policy Id; this custom definition replaces it locally only.`);
    table.set(id, compile(id, config, at, diagnostics));
  }
  return table;
}

/** §5.4 / §5.5 / issue 11: managed policies by Id plus the config file's custom ones. */
export function compilePolicyTables(config: JsonObject, root: JsonLocation, diagnostics: Diagnostics): PolicyTables {
  return {
    cache: merge<CacheKeyPolicy>(MANAGED_CACHE_POLICIES, config.cachePolicies, childLocation(root, 'cachePolicies'), compileCachePolicy, diagnostics),
    originRequest: merge<OriginRequestPolicy>(
      MANAGED_ORIGIN_REQUEST_POLICIES,
      config.originRequestPolicies,
      childLocation(root, 'originRequestPolicies'),
      compileOriginRequestPolicy,
      diagnostics,
    ),
    responseHeaders: merge<ResponseHeadersPolicy>(
      MANAGED_RESPONSE_HEADERS_POLICIES,
      config.responseHeadersPolicies,
      childLocation(root, 'responseHeadersPolicies'),
      compileResponseHeadersPolicy,
      diagnostics,
    ),
    keyGroups: compileKeyGroups(config, root),
  };
}
