import { CacheFill, decideTtl, surprisingCacheDecision } from '../cache/index.js';
import type { CfRequest, HttpResponse } from '../event/index.js';
import type { CompiledBehavior } from '../config/index.js';
import { takeWholeBody } from '../origin/index.js';
import { pipeBody } from './pipe-body.js';
import type { RequestState } from './types.js';

/**
 * §5.7, §5.8, D16, D31, D35: store a response under `key` if the TTL rules say so. Returns the response to deliver:
 * a streamed body (issue 9) fills the cache as it passes to the viewer. `settled` runs once the object is stored or
 * known not to be, so requests collapsed onto this fetch (§5.7) can go on.
 */
export function storeResponse(
  state: RequestState,
  behavior: CompiledBehavior,
  key: string,
  request: CfRequest,
  response: HttpResponse,
  settled: () => void = NOTHING,
): HttpResponse {
  // D35: a 206 is relayed, never stored.
  if (response.status === 206) return settledWith(response, settled);
  const errorItem = state.deps.distribution.customErrorResponses.get(response.status);
  const decision = decideTtl(behavior.cachePolicy, response.status, response.headers, errorItem?.errorCachingMinTTL, state.now);
  const surprise = state.deps.options.logRequests ? surprisingCacheDecision(behavior.cachePolicy, response.status, response.headers, decision, state.now) : undefined;
  if (surprise !== undefined) state.trace.stages.push(surprise);
  if (state.inspect) {
    const stored = decision.store ? `stored for ${decision.ttlSeconds} s (cache policy ${behavior.cachePolicy.name}: MinTTL ${behavior.cachePolicy.minTTL}, DefaultTTL ${behavior.cachePolicy.defaultTTL}, MaxTTL ${behavior.cachePolicy.maxTTL}; §5.6, §5.8)` : `not stored (status ${response.status}, TTL 0 by the cache policy and the origin's headers; §5.6, §5.8)`;
    state.inspect.cache = { ...state.inspect.cache, key, decision: surprise ? `${stored}: ${surprise}` : stored };
  }
  if (!decision.store) return settledWith(response, settled);
  const { cache } = state.deps;
  const entry = {
    key,
    invalidationPath: invalidationPath(behavior, request),
    status: response.status,
    statusDescription: response.statusDescription,
    headers: response.headers,
    storedAt: state.now,
    ttlMs: decision.ttlSeconds * 1000,
    staleWhileRevalidateMs: decision.staleWhileRevalidateSeconds * 1000,
    staleIfErrorMs: decision.staleIfErrorSeconds * 1000,
    // D31: a HEAD miss is stored for HEADs only.
    headOnly: request.method === 'HEAD',
  };
  if (response.stream === undefined) {
    cache.store({ ...entry, body: response.body });
    return settledWith(response, settled);
  }
  const declaredLength = response.headers['content-length']?.[0]?.value;
  // A body declared larger than the cache can hold is not collected at all: memory stays flat while it streams.
  if (Number(declaredLength ?? 0) > cache.largestStorableBody) return settledWith(response, settled);
  // Its length declared, an origin body that has all arrived is stored and sent whole: the same bytes and framing.
  const whole = declaredLength === undefined ? undefined : takeWholeBody(response.stream);
  if (whole !== undefined) {
    cache.store({ ...entry, body: whole });
    return settledWith({ ...response, body: whole, stream: undefined }, settled);
  }
  const fill = new CacheFill(
    cache.largestStorableBody,
    (body) => {
      if (body !== undefined) cache.store({ ...entry, body });
      settled();
    },
    cache.fillBudget,
  );
  // A viewer that leaves destroys the fill, and with it the origin read: the object is not stored (§5.7).
  return { ...response, stream: pipeBody(response.stream, fill) };
}

function settledWith(response: HttpResponse, settled: () => void): HttpResponse {
  settled();
  return response;
}

function NOTHING(): void {}

/** §5.7: GET and HEAD are stored; OPTIONS only when CachedMethods includes it. */
export function isCacheableMethod(behavior: CompiledBehavior, method: string): boolean {
  if (method === 'GET' || method === 'HEAD') return true;
  return method === 'OPTIONS' && behavior.cachedMethods.has('OPTIONS');
}

/** D36: whether cookies reach the origin, which decides whether Set-Cookie survives. */
export function forwardsCookies(behavior: CompiledBehavior): boolean {
  return behavior.cachePolicy.cookies.behavior !== 'none' || (behavior.originRequestPolicy?.cookies.behavior ?? 'none') !== 'none';
}

/**
 * §5.11: invalidation compares against the request path after viewer-request; the query string counts only when
 * the cache key includes query strings (otherwise every query variant is the one object stored under the path).
 */
function invalidationPath(behavior: CompiledBehavior, request: CfRequest): string {
  const keyed = behavior.cachePolicy.queryStrings.behavior !== 'none';
  return keyed && request.querystring ? `${request.uri}?${request.querystring}` : request.uri;
}
