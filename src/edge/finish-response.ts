import { canonicalHeaderKey, getHeaderValue, headersToRawHeaders } from '../event/index.js';
import type { CfHeaders, HttpResponse } from '../event/index.js';
import { viaValue } from '../origin/index.js';
import type { EdgeResponse, RequestState } from './types.js';

// D40: viewer responses carry `1.1 <id>.cloudfront.net (CloudFront)`, the id shared with origin requests.
const VIA_VALUE = viaValue('1.1');

/** A shallow copy that never shares the (cached) map; values are replaced whole, never mutated. */
export function copyHeaders(headers: CfHeaders): CfHeaders {
  return Object.assign(Object.create(null) as CfHeaders, headers);
}

function put(headers: CfHeaders, name: string, value: string): void {
  headers[name] = [{ key: canonicalHeaderKey(name), value }];
}

// Set per response by `finishResponse`; never taken from the origin or a handler (D42: CloudFront's headers last).
const EDGE_SET = new Set(['x-cache', 'via', 'x-amz-cf-pop', 'x-amz-cf-id', 'age', 'content-length', 'transfer-encoding']);
// A stored entry's header map never changes, so a cache hit reuses its wire form (style.md: skip repeated work).
const wireBase = new WeakMap<CfHeaders, string[]>();

function wireHeadersOf(headers: CfHeaders): string[] {
  let base = wireBase.get(headers);
  if (base === undefined) {
    const kept: CfHeaders = Object.create(null);
    for (const name in headers) if (!EDGE_SET.has(name)) kept[name] = headers[name]!;
    base = headersToRawHeaders(kept);
    wireBase.set(headers, base);
  }
  return base;
}

/**
 * §6.1: CloudFront's own response headers, added last (D42): X-Cache, Via (replacing the origin's, D40),
 * X-Amz-Cf-Pop, X-Amz-Cf-Id, and Age on responses served from cache. Content-Length always matches the body
 * (HEAD keeps the entity's length).
 */
export function finishResponse(
  state: RequestState,
  response: HttpResponse,
  xCacheToken: string,
  ageSeconds?: number,
): EdgeResponse {
  const xCache = `${xCacheToken} from cloudfront`;
  const raw = wireHeadersOf(response.headers).slice();
  raw.push('X-Cache', xCache, 'Via', VIA_VALUE, 'X-Amz-Cf-Pop', state.deps.options.pop, 'X-Amz-Cf-Id', state.requestId);
  if (ageSeconds !== undefined) raw.push('Age', String(ageSeconds));
  if (response.status !== 304 && response.status !== 204) {
    const declared = response.headers['content-length']?.[0];
    const headKeepsLength = state.viewer.method === 'HEAD' && response.body.length === 0 && declared;
    raw.push('Content-Length', headKeepsLength ? declared.value : String(response.body.length));
  }
  state.trace.xCache = xCache;
  return { status: response.status, statusDescription: response.statusDescription, rawHeaders: raw, body: response.body };
}

/** §6.1: `Server: CloudFront` on responses CloudFront or a function generated, unless the function set one. */
export function withCloudFrontServer(response: HttpResponse): HttpResponse {
  if (getHeaderValue(response.headers, 'server') !== undefined) return response;
  const headers = copyHeaders(response.headers);
  put(headers, 'server', 'CloudFront');
  return { ...response, headers };
}

/** D38: a viewer's conditional request that matches a cached 200 gets 304 from the edge. */
export function answerViewerConditional(state: RequestState, response: HttpResponse): HttpResponse {
  if (response.status !== 200) return response;
  const requestHeaders = state.request.headers;
  const ifNoneMatch = getHeaderValue(requestHeaders, 'if-none-match');
  const etag = getHeaderValue(response.headers, 'etag');
  let notModified = false;
  if (ifNoneMatch !== undefined) {
    notModified = etag !== undefined && (ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => weakEqual(tag.trim(), etag)));
  } else {
    const ifModifiedSince = getHeaderValue(requestHeaders, 'if-modified-since');
    const lastModified = getHeaderValue(response.headers, 'last-modified');
    if (ifModifiedSince && lastModified) notModified = Date.parse(lastModified) <= Date.parse(ifModifiedSince);
  }
  if (!notModified) return response;
  const headers = copyHeaders(response.headers);
  delete headers['content-length'];
  delete headers['content-type'];
  return { status: 304, statusDescription: 'Not Modified', headers, body: Buffer.alloc(0) };
}

function weakEqual(a: string, b: string): boolean {
  return a.replace(/^W\//, '') === b.replace(/^W\//, '');
}
