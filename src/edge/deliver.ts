import { discardBody, reasonPhrase } from '../event/index.js';
import type { CfRequest, HttpResponse } from '../event/index.js';
import { OriginError } from '../origin/index.js';
import { selectBehavior } from './select-behavior.js';
import { fetchFromOrigin } from './fetch-from-origin.js';
import { runResponseStage } from './run-stage.js';
import { runViewerResponseFunctionStage } from './run-function-stage.js';
import { storeResponse } from './store-response.js';
import { lookUpCache } from './look-up-cache.js';
import { answerViewerConditional, copyHeaders, finishResponse } from './finish-response.js';
import { originErrorResponse } from './error-response.js';
import { answerRangeFromCache } from './range-from-cache.js';
import { responseFromOrigin } from './origin-response.js';
import { applyResponseHeadersPolicy } from './response-headers-policy.js';
import type { LambdaAssociation } from '../config/index.js';
import type { EdgeResponse, RequestState } from './types.js';

/**
 * §2.1 step 9: custom error responses, then viewer-response unless a skip rule applies, then CloudFront's headers.
 * `ageSeconds` is set for responses served from cache. Answers synchronously when no function or error page is
 * involved (the cache-hit hot path), otherwise with a promise.
 */
export function deliver(
  state: RequestState,
  response: HttpResponse,
  xCacheToken: string,
  ageSeconds?: number,
): EdgeResponse | Promise<EdgeResponse> {
  if (response.status >= 400) {
    // §7.5: a configured error page replaces the response; §2.2, D15: viewer-response is skipped at ≥ 400.
    if (state.deps.distribution.customErrorResponses.get(response.status)?.responsePagePath) return deliverErrorPage(state, response, ageSeconds);
    return finishResponse(state, applyResponseHeadersPolicy(state, response, 'Error'), 'Error', ageSeconds);
  }
  // D38: a viewer's conditional request that matches a cached 200 gets 304 from the edge.
  const cached = ageSeconds === undefined ? response : answerRangeFromCache(state, answerViewerConditional(state, response));
  // Issue 11, D42: the response headers policy applies before viewer-response, which sees its headers.
  const served = applyResponseHeadersPolicy(state, cached, xCacheToken);
  // An unsatisfiable range (416) is CloudFront's answer: no viewer-response (§2.2, D15).
  if (served.status >= 400) return finishResponse(state, served, xCacheToken, ageSeconds);
  // §9: a CloudFront Function at viewer-response (never beside a Lambda@Edge one on the same event).
  const viewerResponseFunction = state.behavior.cloudFrontFunctions?.['viewer-response'];
  if (viewerResponseFunction) return runViewerResponseFunctionStage(state, viewerResponseFunction, served, xCacheToken, ageSeconds);
  const viewerResponseFn = state.behavior.lambda['viewer-response'];
  if (!viewerResponseFn) return finishResponse(state, served, xCacheToken, ageSeconds);
  return runViewerResponse(state, viewerResponseFn, served, xCacheToken, ageSeconds);
}

async function runViewerResponse(
  state: RequestState,
  viewerResponseFn: LambdaAssociation,
  served: HttpResponse,
  xCacheToken: string,
  ageSeconds: number | undefined,
): Promise<EdgeResponse> {
  const headers = copyHeaders(served.headers);
  // §1.5: from cache, the viewer-response event shows `age` (AWS's example: `age: 2402`).
  if (ageSeconds !== undefined) headers['age'] = [{ key: 'Age', value: String(ageSeconds) }];
  const outcome = await runResponseStage(state, viewerResponseFn, state.request, {
    status: String(served.status),
    statusDescription: served.statusDescription,
    headers,
  }).catch((error: unknown) => {
    // The function's error is the answer: the body (and a cache fill riding on it) is dropped.
    discardBody(served);
    throw error;
  });
  // §3.1, D4, D5: only headers change in viewer-response.
  return finishResponse(state, { ...served, headers: outcome.response.headers }, xCacheToken, ageSeconds);
}

async function deliverErrorPage(state: RequestState, response: HttpResponse, ageSeconds: number | undefined): Promise<EdgeResponse> {
  const page = await customErrorPage(state, response).catch((error: unknown) => {
    discardBody(response);
    throw error;
  });
  // §5.8: the origin's error is still cached for ErrorCachingMinTTL: its body flows on into the cache, unread.
  if (page !== undefined) response.stream?.resume();
  return finishResponse(state, applyResponseHeadersPolicy(state, page ?? response, 'Error'), 'Error', page ? undefined : ageSeconds);
}

/**
 * §7.5, D19: fetch ResponsePagePath through the behavior that matches it (cache, then that behavior's origin
 * functions on a miss; no viewer functions). If the page itself fails, the viewer gets the page fetch's status.
 */
async function customErrorPage(state: RequestState, response: HttpResponse): Promise<HttpResponse | undefined> {
  const { distribution } = state.deps;
  const item = distribution.customErrorResponses.get(response.status);
  if (!item?.responsePagePath) return undefined;
  const path = item.responsePagePath;
  const behavior = selectBehavior(distribution, path);
  const request: CfRequest = { ...state.request, method: 'GET', uri: path, querystring: '' };
  delete request.body;
  let page: HttpResponse | undefined;
  const { key, found } = lookUpCache(state, behavior, request);
  if (found?.state === 'fresh') {
    page = found.entry;
    state.trace.stages.push(`error page ${path} Hit`);
  } else {
    try {
      const result = await fetchFromOrigin(state, behavior, request);
      page = result.kind === 'not-modified' ? found!.entry : result.kind === 'generated' ? result.response : responseFromOrigin(state, behavior, result.response);
      if (result.kind === 'not-modified') discardBody(result.response);
      else if (key) page = storeResponse(state, behavior, key, request, page);
    } catch (error) {
      if (!(error instanceof OriginError)) throw error;
      page = originErrorResponse(state, error);
    }
    state.trace.stages.push(`error page ${path} ${page.status}`);
  }
  if (page.status >= 400) return page;
  const status = item.responseCode ?? response.status;
  return {
    status,
    statusDescription: status === response.status ? response.statusDescription : reasonPhrase(status),
    headers: page.headers,
    body: page.body,
    stream: page.stream,
  };
}
