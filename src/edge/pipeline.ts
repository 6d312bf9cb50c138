import type { CacheEntry, CacheLookup } from '../cache/index.js';
import { discardBody, EdgeError, exposeBody, getHeaderValue } from '../event/index.js';
import { OriginError } from '../origin/index.js';
import { checkViewerRequest } from './viewer-checks.js';
import { checkViewerHost } from './viewer-host.js';
import { createState } from './request-state.js';
import { bodyPrefix, drainBody, replaceBody } from './request-body-state.js';
import { runRequestStage } from './run-stage.js';
import { runViewerRequestFunctionStage } from './run-function-stage.js';
import { fetchFromOrigin } from './fetch-from-origin.js';
import type { Conditional } from './fetch-from-origin.js';
import { storeResponse } from './store-response.js';
import { lookUpCache } from './look-up-cache.js';
import type { CacheLookupResult } from './look-up-cache.js';
import { collapsesRequests, pendingFetch, startFetch } from './collapse-requests.js';
import type { Flight } from './collapse-requests.js';
import { deliver } from './deliver.js';
import { finishResponse, withCloudFrontServer } from './finish-response.js';
import { functionErrorResponse, internalErrorResponse, originErrorResponse } from './error-response.js';
import { describeBodyError, formatTrace, logForRequest, printRequestLines } from './request-log.js';
import { accessLogLine } from './access-log.js';
import { responseFromOrigin } from './origin-response.js';
import { cloudFrontErrorResponse } from './error-page.js';
import { answerCorsPreflight, applyResponseHeadersPolicy } from './response-headers-policy.js';
import { checkGeoRestriction } from './geo-restriction.js';
import { checkSignedRequest } from './signed-requests.js';
import type { EdgeDeps, EdgeResponse, RequestState, ViewerRequest } from './types.js';

/**
 * One viewer request through the whole edge (reference §2.1), always answered. A fresh cache hit that runs no
 * function is answered synchronously; everything else through a promise.
 */
export function handleViewerRequest(deps: EdgeDeps, viewer: ViewerRequest): EdgeResponse | Promise<EdgeResponse> {
  const state = createState(deps, viewer);
  try {
    const early = checkViewerHost(state) ?? checkViewerRequest(state);
    if (early) return done(state, finishResponse(state, early, early.status < 400 ? 'Redirect' : 'Error'));
    // Issue 11 (dg:georestrictions): a blocked country gets 403, through custom error pages, before any function.
    const blocked = checkGeoRestriction(state);
    if (blocked) return settle(state, deliver(state, blocked, 'Error'));
    // Issue 11: TrustedKeyGroups need a valid signed URL or signed cookies; the signing parameters leave the request.
    const unsigned = checkSignedRequest(state);
    if (unsigned) return settle(state, deliver(state, unsigned, 'Error'));
    // Issue 11, D53: a CORS preflight the response headers policy answers.
    const preflight = answerCorsPreflight(state);
    if (preflight) return done(state, finishResponse(state, applyResponseHeadersPolicy(state, preflight, 'Hit'), 'Hit'));
    // §9: a CloudFront Function at viewer-request (never beside a Lambda@Edge one on the same event).
    const viewerRequestFunction = state.behavior.cloudFrontFunctions?.['viewer-request'];
    if (viewerRequestFunction) {
      const generated = runViewerRequestFunctionStage(state, viewerRequestFunction);
      if (generated) return done(state, generated);
    }
    if (state.behavior.lambda['viewer-request']) return settle(state, runViewerRequest(state));
    const lookup = lookUpCache(state, state.behavior, state.request);
    if (lookup.found?.state === 'fresh') return settle(state, deliverHit(state, lookup.found));
    return settle(state, serveFromCacheOrOrigin(state, lookup));
  } catch (error) {
    return done(state, failureResponse(state, error));
  }
}

function settle(state: RequestState, result: EdgeResponse | Promise<EdgeResponse>): EdgeResponse | Promise<EdgeResponse> {
  if (!(result instanceof Promise)) return done(state, result);
  return result.then(
    (response) => done(state, response),
    (error: unknown) => done(state, failureResponse(state, error)),
  );
}

export function failureResponse(state: RequestState, error: unknown): EdgeResponse {
  return error instanceof EdgeError ? functionErrorResponse(state, error) : internalErrorResponse(state, error);
}

/**
 * The request's answer is decided: its log line, with its functions' lines and warnings under it (issue 12), is
 * printed once the body is sent.
 */
export function done(state: RequestState, response: EdgeResponse): EdgeResponse {
  const { options } = state.deps;
  for (const warning of state.warnings) logForRequest(state, `[warning] ${state.requestId} ${warning}`);
  if (options.logRequests || options.accessLog !== undefined || response.stream !== undefined || state.inspect !== undefined) {
    // Issue 9: the line is written once the body is sent, with the time to first byte (the headers are ready now).
    const firstByteMs = performance.now() - state.startedAt;
    response.sent = (bytes, error) => {
      if (error !== undefined) logForRequest(state, `[body] ${state.requestId} the response ended after ${bytes} bytes: ${describeBodyError(error)}`);
      printRequestLines(state, options.logRequests ? formatTrace(state, response.status, firstByteMs, bytes) : undefined);
      // Issue 11: the standard access log line, once the last byte is out.
      if (options.accessLog !== undefined) {
        const sent = { response, firstByteMs, totalMs: performance.now() - state.startedAt, bytes, endedAt: Date.now() };
        options.accessLog.write(accessLogLine(state, error === undefined ? sent : { ...sent, error }, options.accessLog.includeCookies));
      }
      const inspected = state.inspect;
      if (inspected !== undefined) {
        inspected.status = response.status;
        inspected.xCache = state.trace.xCache;
        inspected.firstByteMs = firstByteMs;
        inspected.bytes = bytes;
        options.inspector?.add(inspected);
      }
    };
  } else {
    printRequestLines(state, undefined);
  }
  return response;
}

/** CloudFront's own refusal (e.g. 413, §4) before the pipeline starts: no function runs. */
export function rejectViewerRequest(deps: EdgeDeps, viewer: ViewerRequest, status: number, message: string): EdgeResponse {
  const state = createState(deps, viewer);
  const response = finishResponse(state, cloudFrontErrorResponse(status, message, state.requestId), 'Error');
  if (deps.options.logRequests) deps.options.log(formatTrace(state, status));
  return response;
}

async function runViewerRequest(state: RequestState): Promise<EdgeResponse> {
  const viewerRequestFn = state.behavior.lambda['viewer-request']!;
  if (viewerRequestFn.includeBody) state.request.body = exposeBody(await bodyPrefix(state, 'viewer-request'), 'viewer-request');
  const outcome = await runRequestStage(state, viewerRequestFn, state.request);
  // §2.3: a viewer-request response is sent at once: not cached, no other function runs.
  if (outcome.kind === 'response') {
    drainBody(state);
    return finishResponse(state, withCloudFrontServer(outcome.response), 'LambdaGeneratedResponse');
  }
  state.request = outcome.request;
  delete state.request.body;
  if (outcome.body) replaceBody(state, outcome.body);
  const lookup = lookUpCache(state, state.behavior, state.request);
  if (lookup.found?.state === 'fresh') return deliverHit(state, lookup.found);
  return serveFromCacheOrOrigin(state, lookup);
}

function deliverHit(state: RequestState, found: CacheLookup): EdgeResponse | Promise<EdgeResponse> {
  state.trace.stages.push('cache');
  return deliver(state, found.entry, found.entry.status >= 400 ? 'Error' : 'Hit', found.ageSeconds);
}

/** §2.1 steps 5–8 for anything but a fresh hit. */
async function serveFromCacheOrOrigin(state: RequestState, { key, found }: CacheLookupResult): Promise<EdgeResponse> {
  const { deps, behavior, request } = state;
  if (found && withinWindow(found.entry, found.entry.staleWhileRevalidateMs, state.now)) {
    // §5.9: stale-while-revalidate: serve now, refresh in the background.
    state.trace.stages.push('stale-while-revalidate');
    void refreshInBackground(state, key!, found.entry);
    return deliver(state, found.entry, 'Hit', found.ageSeconds);
  }
  if (!key || !collapsesRequests(behavior)) return fetchAndDeliver(state, key, found?.entry);
  const pending = pendingFetch(deps.cache, key);
  if (pending) {
    // §5.7: a concurrent miss waits for the first origin response and is a Hit when it was stored.
    await pending.done;
    const stored = deps.cache.lookup(key, Date.now(), request.method);
    if (stored?.state === 'fresh') {
      state.trace.stages.push('collapsed');
      return deliver(state, stored.entry, stored.entry.status >= 400 ? 'Error' : 'Hit', stored.ageSeconds);
    }
  }
  const flight = startFetch(deps.cache, key);
  try {
    // Released by the path taken: at once, or when a streamed object is stored (or is not).
    return await fetchAndDeliver(state, key, found?.entry, flight);
  } catch (error) {
    flight.release();
    throw error;
  }
}

/**
 * §2.1 steps 6–9 for a miss or an expired entry (`stale`). `flight` is released once the response is in the cache
 * (or known not to be), before viewer-facing work, so requests collapsed onto this one (§5.7) can go on.
 */
async function fetchAndDeliver(
  state: RequestState,
  key: string | undefined,
  stale: CacheEntry | undefined,
  flight?: Flight,
): Promise<EdgeResponse> {
  const { deps, behavior, request } = state;
  let result;
  try {
    result = await fetchFromOrigin(state, behavior, request, stale ? conditionalFor(stale) : undefined);
  } catch (error) {
    if (!(error instanceof OriginError)) throw error;
    // §5.9: no response from the origin: a stale copy is served when there is one.
    if (stale && mayServeStale(stale, state.now)) return serveStale(state, stale, flight);
    const failure = originErrorResponse(state, error);
    // §5.8: no response counts as a 5xx for error caching.
    if (key) storeResponse(state, behavior, key, request, failure);
    flight?.release();
    return deliver(state, failure, 'Error');
  }

  if (result.kind === 'not-modified') {
    // §5.10, D17: keep the body, merge headers, new TTL, RefreshHit.
    discardBody(result.response);
    const refreshed = deps.cache.refresh(key!, request.method, result.response.headers, behavior.cachePolicy, state.now);
    flight?.release();
    return deliver(state, refreshed ?? stale!, 'RefreshHit', 0);
  }
  if (result.kind === 'generated') {
    // §2.3, D16: an origin-request response is cached under the request's key.
    const generated = withCloudFrontServer(result.response);
    if (key) storeResponse(state, behavior, key, request, generated);
    flight?.release();
    return deliver(state, generated, generated.status >= 400 ? 'Error' : 'LambdaGeneratedResponse');
  }
  // §5.9: expired entry + origin 5xx: the stale copy wins.
  if (stale && result.response.status >= 500 && mayServeStale(stale, state.now)) {
    discardBody(result.response);
    return serveStale(state, stale, flight);
  }
  // §5.12: what CloudFront compresses is what it caches.
  const fetched = responseFromOrigin(state, behavior, result.response);
  // Issue 9: a streamed object is stored as it passes; collapsed requests wait until it is stored (or is not).
  const response = key ? storeResponse(state, behavior, key, request, fetched, flight ? () => flight.release() : undefined) : fetched;
  if (!key) flight?.release();
  return deliver(state, response, response.status >= 400 ? 'Error' : 'Miss');
}

// §5.10: revalidate with the validators of the stored entry; `Vary: *` entries are refetched unconditionally (§5.6).
function conditionalFor(entry: CacheEntry): Conditional | undefined {
  if (getHeaderValue(entry.headers, 'vary')?.trim() === '*') return undefined;
  const etag = getHeaderValue(entry.headers, 'etag');
  const lastModified = getHeaderValue(entry.headers, 'last-modified');
  return etag || lastModified ? { etag, lastModified } : undefined;
}

function withinWindow(entry: CacheEntry, windowMs: number, now: number): boolean {
  return windowMs > 0 && now <= entry.storedAt + entry.ttlMs + windowMs;
}

// §5.9: stale copies are served on origin failure within the stale-if-error window (unbounded without the
// directive, none with `stale-if-error=0`).
function mayServeStale(entry: CacheEntry, now: number): boolean {
  return withinWindow(entry, entry.staleIfErrorMs, now);
}

// §5.9, D37: stale responses are `Hit` with a growing Age, kept for ErrorCachingMinTTL before the origin is tried again.
function serveStale(state: RequestState, entry: CacheEntry, flight: Flight | undefined): EdgeResponse | Promise<EdgeResponse> {
  const minTtl = state.deps.distribution.customErrorResponses.get(entry.status)?.errorCachingMinTTL ?? 10;
  state.deps.cache.prolong(entry.key, state.request.method, state.now - entry.storedAt + minTtl * 1000, state.now);
  flight?.release();
  state.trace.stages.push('stale');
  return deliver(state, entry, 'Hit', Math.floor((state.now - entry.storedAt) / 1000));
}

async function refreshInBackground(state: RequestState, key: string, entry: CacheEntry): Promise<void> {
  // No request line reports a background refresh: its functions' lines print as they come.
  const background: RequestState = { ...state, trace: { stages: [], xCache: '' }, warnings: [], logLines: undefined };
  try {
    const result = await fetchFromOrigin(background, state.behavior, state.request, conditionalFor(entry));
    if (result.kind === 'not-modified') state.deps.cache.refresh(key, state.request.method, result.response.headers, state.behavior.cachePolicy, Date.now());
    else if (result.response.status >= 500) discardBody(result.response);
    else {
      const fetched = responseFromOrigin(background, state.behavior, result.response);
      // Nobody reads a background refresh: let it flow into the cache.
      storeResponse({ ...background, now: Date.now() }, state.behavior, key, state.request, fetched).stream?.resume();
    }
  } catch (error) {
    state.deps.options.log(`[stale-while-revalidate] ${state.requestId} refresh failed: ${(error as Error).message}`);
  }
}
