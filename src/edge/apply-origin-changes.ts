/**
 * The origin helpers of a viewer-request CloudFront Function applied to the request's route, in call order
 * (dg:helper-functions-origin-modification; reference §9). Their arguments were checked when called
 * (functions/origin-helper-arguments.ts); here what depends on the distribution and the request is checked, and a
 * violation is a 502 FunctionValidationError (inferred: CloudFront can only check these after the run).
 */
import type { CompiledDistribution, CompiledOrigin } from '../config/index.js';
import { functionValidationError } from '../functions/index.js';
import type { FunctionSite, OriginChange, OriginUpdate } from '../functions/index.js';
import { isDeniedOriginCustomHeader, isDisallowedHeader, newHeaderMap } from '../event/index.js';
import type { CfHeaders, CfRequest } from '../event/index.js';
import { targetRoute } from './origin-route.js';
import type { OriginRoute } from './types.js';

const PAGE = 'dg:helper-functions-origin-modification';

function originById(distribution: CompiledDistribution, site: FunctionSite, call: string, originId: string): CompiledOrigin {
  const origin = distribution.origins.get(originId);
  if (origin) return origin;
  // "This method only accepts origins that are already defined in the same distribution."
  const known = [...distribution.origins.keys()].join(', ');
  const rule = distribution.originGroups.has(originId)
    ? `"${originId}" is an origin group; name one of its origins (${known}) or build a group with cf.createRequestOriginGroup()`
    : `"${originId}" is not an origin Id of this distribution; use one of ${known}`;
  throw functionValidationError(site, call, rule, PAGE);
}

// "You can't add headers that are disallowed, and a header with the same name can't also be present in the incoming
// request headers." Disallowed: reference §3.2 and the origin custom header deny list of §3.4.
function customHeaderMap(site: FunctionSite, headers: Readonly<Record<string, string>>, request: CfRequest): CfHeaders {
  const out = newHeaderMap();
  for (const [name, value] of Object.entries(headers)) {
    const where = `cf.updateRequestOrigin() customHeaders["${name}"]`;
    if (isDisallowedHeader(name) || isDeniedOriginCustomHeader(name)) throw functionValidationError(site, where, 'is a header CloudFront does not let an origin custom header set (reference §3.2, §3.4)', PAGE);
    if (Object.hasOwn(request.headers, name)) throw functionValidationError(site, where, 'is also a header of the request; remove one of the two', PAGE);
    out[name] = [{ key: name, value }];
  }
  return out;
}

/** "Any settings that you don't specify … will inherit the same settings from the existing origin's configuration." */
function updatedOrigin(site: FunctionSite, base: CompiledOrigin, update: OriginUpdate, request: CfRequest): CompiledOrigin {
  const custom = update.customOriginConfig;
  const timeouts = update.timeouts ?? {};
  return Object.freeze({
    ...base,
    domainName: update.domainName ?? base.domainName,
    // "If this is not provided, the value from the domainName parameter is used."
    hostHeader: update.hostHeader ?? (update.domainName === undefined ? base.hostHeader : undefined),
    originPath: update.originPath ?? base.originPath,
    customHeaders: update.customHeaders ? customHeaderMap(site, update.customHeaders, request) : base.customHeaders,
    kind: custom ? 'custom' : update.originAccessControlConfig?.originType === 's3' ? 's3' : base.kind,
    protocolPolicy: custom ? (custom.protocol === 'https' ? 'https-only' : 'http-only') : base.protocolPolicy,
    httpPort: custom?.protocol === 'http' ? custom.port : base.httpPort,
    httpsPort: custom?.protocol === 'https' ? custom.port : base.httpsPort,
    sslProtocols: custom?.sslProtocols ?? base.sslProtocols,
    readTimeoutSeconds: timeouts.readTimeout ?? base.readTimeoutSeconds,
    keepaliveTimeoutSeconds: timeouts.keepAliveTimeout ?? base.keepaliveTimeoutSeconds,
    connectionTimeoutSeconds: timeouts.connectionTimeout ?? base.connectionTimeoutSeconds,
    connectionAttempts: update.connectionAttempts ?? base.connectionAttempts,
  });
}

function applyChange(distribution: CompiledDistribution, site: FunctionSite, route: OriginRoute, change: OriginChange, request: CfRequest): OriginRoute {
  switch (change.helper) {
    case 'selectRequestOriginById':
      // "This method uses all the same settings that are defined by the updated origin."
      return { primary: originById(distribution, site, `cf.selectRequestOriginById("${change.originId}")`, change.originId) };
    case 'createRequestOriginGroup': {
      const call = 'cf.createRequestOriginGroup() originIds';
      const [primary, secondary] = change.originIds.map((id) => originById(distribution, site, call, id));
      return { primary: primary!, secondary: secondary!, failoverStatusCodes: new Set(change.failoverStatusCodes) };
    }
    case 'updateRequestOrigin':
      // "If you're updating an origin that is part of an origin group, only the primary origin … is updated."
      return { ...route, primary: updatedOrigin(site, route.primary, change.update, request) };
  }
}

/** The route after the function's helper calls, starting from the behavior's target. */
export function applyOriginChanges(
  distribution: CompiledDistribution,
  targetOriginId: string,
  site: FunctionSite,
  changes: readonly OriginChange[],
  request: CfRequest,
): OriginRoute {
  let route = targetRoute(distribution, targetOriginId);
  for (const change of changes) route = applyChange(distribution, site, route, change, request);
  return route;
}
