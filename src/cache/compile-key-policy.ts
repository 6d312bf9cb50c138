import type { CacheKeyPolicy } from '../config/types.js';

export type Pick = CacheKeyPolicy['queryStrings']['behavior'];

/** What `cacheKey` needs from a policy, worked out once per policy object (style: compile at load time). */
export interface CompiledKeyPolicy {
  /** No query, headers, cookies or Accept-Encoding: the key is method class + domain + path. */
  simple: boolean;
  hostInKey: boolean;
  /** Listed headers other than `host` (and `accept-encoding` when it is normalised), lower-case, sorted. */
  headerNames: readonly string[];
  query: Pick;
  queryNames: ReadonlySet<string>;
  cookies: Pick;
  cookieNames: ReadonlySet<string>;
  /** Legacy `Cookies.WhitelistedNames` with `*` / `?` (§5.2), as config compiled them; undefined for cache policies. */
  cookiePattern: RegExp | undefined;
  normaliseAcceptEncoding: boolean;
}

const compiled = new WeakMap<CacheKeyPolicy, CompiledKeyPolicy>();

/** The compiled form of `policy`; built on first use and kept as long as the policy object lives. */
export function compileKeyPolicy(policy: CacheKeyPolicy): CompiledKeyPolicy {
  let c = compiled.get(policy);
  if (c === undefined) {
    c = build(policy);
    compiled.set(policy, c);
  }
  return c;
}

function build(policy: CacheKeyPolicy): CompiledKeyPolicy {
  const normaliseAe = policy.enableAcceptEncodingGzip || policy.enableAcceptEncodingBrotli;
  const listed = policy.headers.behavior === 'whitelist' ? policy.headers.names.map((n) => n.toLowerCase()) : [];
  const hostInKey = listed.includes('host');
  const headerNames = [...new Set(listed)]
    .filter((n) => n !== 'host' && !(normaliseAe && n === 'accept-encoding'))
    .sort();
  const query = policy.queryStrings.behavior;
  const cookies = policy.cookies.behavior;
  return Object.freeze({
    simple: !hostInKey && headerNames.length === 0 && query === 'none' && cookies === 'none' && !normaliseAe,
    hostInKey,
    headerNames: Object.freeze(headerNames),
    query,
    queryNames: new Set(policy.queryStrings.names),
    cookies,
    cookieNames: new Set(policy.cookies.names),
    cookiePattern: policy.cookiePattern,
    normaliseAcceptEncoding: normaliseAe,
  });
}
