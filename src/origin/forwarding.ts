import { CLOUDFRONT_HEADER_KEYS } from './cloudfront-headers.js';
import type { CacheKeyPolicy, CompiledBehavior, OriginRequestPolicy } from '../config/types.js';

/** One name list with its behavior, as a Set: what a policy includes (§5.1, §5.5). */
export interface NameRule {
  mode: 'none' | 'list' | 'except' | 'all';
  names: ReadonlySet<string>;
}

/**
 * What a behavior forwards to its origin, compiled once per behavior (first use) from its cache policy,
 * origin request policy and legacy ForwardedValues (§5.1, §5.2, §5.5).
 */
export interface Forwarding {
  legacy: boolean;
  /** §5.2: legacy `Headers: *`. */
  allHeaders: boolean;
  /** Header names listed by the cache policy or named by the origin request policy (lower-case). */
  headerNames: ReadonlySet<string>;
  /** §5.5: the origin request policy forwards all viewer headers (allViewer*, allExcept). */
  allViewerHeaders: boolean;
  /** §5.5: names left out by an `allExcept` origin request policy. */
  exceptHeaders: ReadonlySet<string>;
  /** §6.2: `Host` is forwarded (never to S3; checked by the caller). */
  host: boolean;
  userAgent: boolean;
  authorization: boolean;
  /** §6.3: the `CloudFront-*` headers a policy names, lower-case, in a stable order. */
  cloudFrontHeaders: readonly string[];
  /** Query parameter rules; a parameter is forwarded when any rule includes it. */
  queryRules: readonly NameRule[];
  cookieRules: readonly NameRule[];
  /** §5.2: the legacy cookie whitelist's `*`/`?` names, as config compiled them. */
  cookiePattern: RegExp | undefined;
  /** §6.1: header names that may survive in an origin response's `Vary`. */
  varyNames: ReadonlySet<string>;
  /** §6.1: every viewer header is forwarded, so every `Vary` name survives. */
  varyAll: boolean;
}

const NONE: NameRule = { mode: 'none', names: new Set() };
const compiled = new WeakMap<CompiledBehavior, Forwarding>();

/** The compiled forwarding rules of a behavior; computed on first use, then reused (hot-path rule). */
export function forwardingFor(behavior: CompiledBehavior): Forwarding {
  let forwarding = compiled.get(behavior);
  if (forwarding === undefined) {
    forwarding = compileForwarding(behavior);
    compiled.set(behavior, forwarding);
  }
  return forwarding;
}

function lowerSet(names: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const name of names) set.add(name.toLowerCase());
  return set;
}

function nameRule(behavior: 'none' | 'whitelist' | 'allExcept' | 'all', names: readonly string[]): NameRule {
  if (behavior === 'none') return NONE;
  if (behavior === 'all') return { mode: 'all', names: new Set() };
  return { mode: behavior === 'whitelist' ? 'list' : 'except', names: new Set(names) };
}

/** Whether a rule includes a (case-sensitive) query parameter or cookie name (§5.1). */
export function ruleIncludes(rule: NameRule, name: string): boolean {
  switch (rule.mode) {
    case 'none':
      return false;
    case 'all':
      return true;
    case 'list':
      return rule.names.has(name);
    case 'except':
      return !rule.names.has(name);
  }
}

const CLOUDFRONT_HEADER_NAMES = [...CLOUDFRONT_HEADER_KEYS.keys()];
const DEVICE_HEADERS = new Set(CLOUDFRONT_HEADER_NAMES.filter((name) => name.startsWith('cloudfront-is-')));

function originPolicyHeaders(orp: OriginRequestPolicy | undefined): {
  all: boolean;
  listed: Set<string>;
  except: Set<string>;
} {
  if (orp === undefined) return { all: false, listed: new Set(), except: new Set() };
  const names = lowerSet(orp.headers.names);
  switch (orp.headers.behavior) {
    case 'none':
      return { all: false, listed: new Set(), except: new Set() };
    case 'whitelist':
      return { all: false, listed: names, except: new Set() };
    case 'allViewer':
      return { all: true, listed: new Set(), except: new Set() };
    case 'allViewerAndWhitelistCloudFront':
      return { all: true, listed: names, except: new Set() };
    case 'allExcept':
      return { all: true, listed: new Set(), except: names };
  }
}

function compileForwarding(behavior: CompiledBehavior): Forwarding {
  const cache: CacheKeyPolicy = behavior.cachePolicy;
  const orp = behavior.originRequestPolicy;
  const legacy = behavior.legacy;
  const cacheHeaders = cache.headers.behavior === 'whitelist' ? lowerSet(cache.headers.names) : new Set<string>();
  const fromOrp = originPolicyHeaders(orp);
  const headerNames = new Set<string>([...cacheHeaders, ...fromOrp.listed]);
  const allHeaders = legacy?.forwardAllHeaders === true;
  const allViewerHeaders = fromOrp.all || allHeaders;
  const includes = (name: string): boolean =>
    headerNames.has(name) || (allViewerHeaders && !fromOrp.except.has(name));

  const queryRules: NameRule[] = [];
  if (legacy !== undefined && legacy.forwardAllQueryStrings) queryRules.push({ mode: 'all', names: new Set() });
  else queryRules.push(nameRule(cache.queryStrings.behavior, cache.queryStrings.names));
  if (orp !== undefined) queryRules.push(nameRule(orp.queryStrings.behavior, orp.queryStrings.names));

  const cookieRules: NameRule[] = [nameRule(cache.cookies.behavior, cache.cookies.names)];
  if (orp !== undefined) cookieRules.push(nameRule(orp.cookies.behavior, orp.cookies.names));

  const cloudFrontHeaders = CLOUDFRONT_HEADER_NAMES.filter((name) => headerNames.has(name));
  const varyNames = new Set<string>(['accept-encoding', 'cookie', ...headerNames]);
  if (cloudFrontHeaders.some((name) => DEVICE_HEADERS.has(name))) varyNames.add('user-agent');

  return {
    legacy: legacy !== undefined,
    allHeaders,
    headerNames,
    allViewerHeaders,
    exceptHeaders: fromOrp.except,
    host: includes('host'),
    userAgent: includes('user-agent'),
    // §5.1: Authorization only through the cache policy or an all-viewer-headers policy.
    authorization: cacheHeaders.has('authorization') || (allViewerHeaders && !fromOrp.except.has('authorization')),
    cloudFrontHeaders,
    queryRules,
    cookieRules,
    cookiePattern: cache.cookiePattern,
    varyNames,
    varyAll: allViewerHeaders && fromOrp.except.size === 0,
  };
}
