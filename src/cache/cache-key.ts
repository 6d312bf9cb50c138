import type { CfRequest } from '../event/types.js';
import type { CacheKeyPolicy } from '../config/types.js';
import { normaliseAcceptEncoding } from './accept-encoding.js';
import { compileKeyPolicy } from './compile-key-policy.js';
import { headerValue, keptCookies, keptHeaders, keptQuery, part } from './key-parts.js';

/**
 * §5.1, D32: the cache key of a request after viewer-request. `domain` is the distribution domain.
 *
 * Layout: `O` (OPTIONS) or `G` (GET/HEAD share entries, D31), the domain (or the lower-cased `Host`
 * when `host` is in the key), then tagged sections `q` query, `h` headers, `c` cookies, `e` normalised
 * Accept-Encoding, each length-prefixed, and last `p` + the path. Every variable part is either
 * length-prefixed or at the end, so two different inputs never share a key.
 */
export function cacheKey(policy: CacheKeyPolicy, domain: string, request: CfRequest): string {
  const c = compileKeyPolicy(policy);
  const cls = request.method === 'OPTIONS' ? 'O' : 'G';
  if (c.simple) return `${cls}${domain.length}:${domain}p${request.uri}`;
  const headers = request.headers;
  let host = domain;
  if (c.hostInKey) {
    const line = headers['host']?.[0];
    if (line !== undefined) host = line.value.toLowerCase();
  }
  let key = cls + part(host);
  if (c.query !== 'none') {
    const q = keptQuery(c, request.querystring);
    if (q.length > 0) key += `q${part(q)}`;
  }
  if (c.headerNames.length > 0) {
    const h = keptHeaders(c, headers);
    if (h.length > 0) key += `h${part(h)}`;
  }
  if (c.cookies !== 'none') {
    const k = keptCookies(c, headers);
    if (k.length > 0) key += `c${part(k)}`;
  }
  if (c.normaliseAcceptEncoding) {
    const ae = normaliseAcceptEncoding(policy, headerValue(headers, 'accept-encoding'));
    // §5.3: `identity` (no accepted coding) and an absent header are both "not in key".
    if (ae !== undefined && ae !== 'identity') key += `e${part(ae)}`;
  }
  return `${key}p${request.uri}`;
}
