import { getHeaderValue, newHeaderMap, setHeader } from '../event/index.js';
import type { CfHeaders, HttpResponse } from '../event/index.js';
import type { CorsHeaders, ResponseHeadersPolicy } from '../config/index.js';
import { copyHeaders } from './finish-response.js';
import { serverTimingValue } from './server-timing.js';
import type { RequestState } from './types.js';

/**
 * Issue 11 (dg:understanding-response-headers-policies, D42): the behavior's response headers policy on a response
 * served from cache or from the origin, before viewer-response. Applied on delivery, never stored, so cached objects
 * get the policy in force and `Override` compares against the origin's stored headers. Removal comes first, then
 * CORS, security and custom headers, then Server-Timing.
 */
export function applyResponseHeadersPolicy(state: RequestState, response: HttpResponse, xCacheToken: string): HttpResponse {
  const policy = state.behavior.responseHeadersPolicy;
  if (policy === undefined) return response;
  const headers = copyHeaders(response.headers);
  removeHeaders(headers, policy);
  if (policy.cors) addCorsHeaders(headers, policy.cors, state.request.headers, state.request.method === 'OPTIONS');
  for (const header of policy.headers) addHeader(headers, header.name, header.key, header.value, header.override);
  if (sendsServerTiming(state, policy)) addServerTiming(headers, state, xCacheToken);
  return { ...response, headers };
}

// dg:understanding-response-headers-policies (Remove headers): removed first, so a header the policy also adds is
// sent; a removed `Server` or `Date` is replaced by CloudFront's own.
function removeHeaders(headers: CfHeaders, policy: ResponseHeadersPolicy): void {
  for (const name of policy.removeHeaders) delete headers[name];
  if (policy.removeHeaders.has('server')) setHeader(headers, 'server', 'CloudFront');
  if (policy.removeHeaders.has('date')) setHeader(headers, 'date', new Date().toUTCString());
}

// dg:understanding-response-headers-policies (Origin override): the origin's header wins unless the policy overrides.
function addHeader(headers: CfHeaders, name: string, key: string, value: string, override: boolean): void {
  if (!override && headers[name] !== undefined && headers[name].length > 0) return;
  headers[name] = [{ key, value }];
}

/** dg:understanding-response-headers-policies (CORS headers): `*`, an exact origin, or `*.` as the leftmost label. */
export function corsOriginAllowed(cors: CorsHeaders, origin: string): boolean {
  for (const allowed of cors.allowOrigins) {
    if (allowed === '*' || allowed === origin) return true;
    const star = allowed.indexOf('*.');
    if (star !== -1 && origin.startsWith(allowed.slice(0, star)) && origin.endsWith(allowed.slice(star + 1)) && origin.length > allowed.length - 1) return true;
  }
  return false;
}

/**
 * dg:understanding-response-headers-policies, dg:using-managed-response-headers-policies: CORS headers only on CORS
 * requests (an `Origin` the policy allows). Preflights (OPTIONS with Access-Control-Request-Method) also get the
 * allowed methods and headers and the max age.
 */
export function addCorsHeaders(headers: CfHeaders, cors: CorsHeaders, requestHeaders: CfHeaders, isOptions: boolean): void {
  const origin = getHeaderValue(requestHeaders, 'origin');
  if (origin === undefined || !corsOriginAllowed(cors, origin)) return;
  const put = (key: string, value: string) => addHeader(headers, key.toLowerCase(), key, value, cors.originOverride);
  put('Access-Control-Allow-Origin', cors.allowOrigins.includes('*') && !cors.allowCredentials ? '*' : origin);
  if (cors.allowCredentials) put('Access-Control-Allow-Credentials', 'true');
  if (cors.exposeHeaders.length > 0) put('Access-Control-Expose-Headers', cors.exposeHeaders.join(', '));
  if (!isOptions || getHeaderValue(requestHeaders, 'access-control-request-method') === undefined) return;
  if (cors.allowMethods.length > 0) put('Access-Control-Allow-Methods', cors.allowMethods.join(', '));
  if (cors.allowHeaders.length > 0) put('Access-Control-Allow-Headers', cors.allowHeaders.join(', '));
  if (cors.maxAgeSec !== undefined) put('Access-Control-Max-Age', String(cors.maxAgeSec));
}

/**
 * D53: a CORS preflight CloudFront answers itself: the policy's CorsConfig has `OriginOverride: true` (the origin's
 * answer could not change the headers) and the request is a preflight from an allowed origin. 200, no body, no
 * function runs, nothing is cached. Otherwise the preflight goes on to the cache and origin like any OPTIONS.
 */
export function answerCorsPreflight(state: RequestState): HttpResponse | undefined {
  const cors = state.behavior.responseHeadersPolicy?.cors;
  const { request } = state;
  if (cors === undefined || !cors.originOverride || request.method !== 'OPTIONS') return undefined;
  const origin = getHeaderValue(request.headers, 'origin');
  if (origin === undefined || getHeaderValue(request.headers, 'access-control-request-method') === undefined) return undefined;
  if (!corsOriginAllowed(cors, origin)) return undefined;
  const headers = newHeaderMap();
  setHeader(headers, 'server', 'CloudFront');
  return { status: 200, statusDescription: 'OK', headers, body: Buffer.alloc(0) };
}

// dg:understanding-response-headers-policies (Server-Timing): sampled, or always with `Pragma: server-timing`.
function sendsServerTiming(state: RequestState, policy: ResponseHeadersPolicy): boolean {
  const rate = policy.serverTimingSamplingRate;
  if (rate === undefined) return false;
  const pragma = getHeaderValue(state.request.headers, 'pragma');
  if (pragma !== undefined && pragma.toLowerCase().split(',').some((token) => token.trim() === 'server-timing')) return true;
  return rate >= 100 || Math.random() * 100 < rate;
}

// On a miss the origin's Server-Timing is kept inside CloudFront's metrics; on a hit only CloudFront's are sent.
function addServerTiming(headers: CfHeaders, state: RequestState, xCacheToken: string): void {
  const fromOrigin = xCacheToken === 'Miss' ? headers['server-timing']?.map((line) => line.value).join(',') : undefined;
  setHeader(headers, 'server-timing', serverTimingValue(state, xCacheToken, fromOrigin), 'Server-Timing');
}
