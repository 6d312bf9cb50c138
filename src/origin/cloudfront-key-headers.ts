import type { CfRequest } from '../event/types.js';
import type { CacheKeyPolicy } from '../config/types.js';
import { newHeaderMap } from '../event/index.js';
import type { ViewerContext } from './build-origin-request.js';
import { CLOUDFRONT_HEADER_KEYS, classifyDevice, cloudFrontHeaderValue, type CloudFrontHeaderInput } from './cloudfront-headers.js';

// Per policy, once: the §6.3 names its key lists (most policies list none).
const KEY_NAMES = new WeakMap<CacheKeyPolicy, readonly string[]>();

function cloudFrontNamesIn(policy: CacheKeyPolicy): readonly string[] {
  let names = KEY_NAMES.get(policy);
  if (names === undefined) {
    names = policy.headers.behavior === 'whitelist' ? policy.headers.names.map((n) => n.toLowerCase()).filter((n) => CLOUDFRONT_HEADER_KEYS.has(n)) : [];
    KEY_NAMES.set(policy, names);
  }
  return names;
}

/**
 * §5.1, §6.3 (issue 11): the request the cache key is computed from. A `CloudFront-*` header in the key has the value
 * CloudFront generates (the device class from `User-Agent`, the protocol, the location), never the one the viewer sent,
 * so a desktop viewer cannot get an iPhone's object. The request itself is returned when the key names none.
 */
export function withCloudFrontKeyHeaders(policy: CacheKeyPolicy, request: CfRequest, viewer: ViewerContext): CfRequest {
  const names = cloudFrontNamesIn(policy);
  if (names.length === 0) return request;
  const headers = Object.assign(newHeaderMap(), request.headers);
  const input: CloudFrontHeaderInput = {
    clientIp: request.clientIp,
    port: viewer.port ?? 0,
    httpVersion: viewer.httpVersion,
    https: viewer.https,
    userAgent: headers['user-agent']?.[0]?.value ?? '',
    viewerHeaders: request.headers,
    geo: viewer.geo,
    tls: viewer.tls,
  };
  const device = classifyDevice(input.userAgent);
  for (const name of names) {
    const value = cloudFrontHeaderValue(name, input, device);
    if (value === undefined) delete headers[name];
    else headers[name] = [{ key: CLOUDFRONT_HEADER_KEYS.get(name)!, value }];
  }
  return { ...request, headers };
}
