import { getHeaderValue, headersToRawHeaders, newHeaderMap, setHeader } from '../event/index.js';
import type { CfHeaders, HttpResponse } from '../event/index.js';
import { viaValue } from '../origin/index.js';
import { cachedViewerWireHeaders, EDGE_SET_HEADERS } from '../cache/index.js';
import type { EdgeResponse, RequestState } from './types.js';

// D40: viewer responses carry `1.1 <id>.cloudfront.net (CloudFront)`, the id shared with origin requests.
const VIA_VALUE = viaValue('1.1');

/** A shallow copy that never shares the (cached) map; values are replaced whole, never mutated. */
export function copyHeaders(headers: CfHeaders): CfHeaders {
  return Object.assign(newHeaderMap(), headers);
}

/** The response's headers in wire form without those the edge sets; a cached entry has them ready. */
function wireHeadersOf(response: HttpResponse): string[] {
  const cached = cachedViewerWireHeaders(response);
  if (cached !== undefined) return cached;
  const raw = headersToRawHeaders(response.headers);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    if (!EDGE_SET_HEADERS.has(raw[i]!.toLowerCase())) out.push(raw[i]!, raw[i + 1]!);
  }
  return out;
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
  state.trace.xCache = xCache;
  return withEdgeHeaders(response, xCache, state.deps.options.pop, state.requestId, state.viewer.method, ageSeconds);
}

/** `finishResponse` without a request state: also for a request the HTTP parser refused before the pipeline. */
export function withEdgeHeaders(
  response: HttpResponse,
  xCache: string,
  pop: string,
  requestId: string,
  method = 'GET',
  ageSeconds?: number,
): EdgeResponse {
  const raw = wireHeadersOf(response);
  raw.push('X-Cache', xCache, 'Via', VIA_VALUE, 'X-Amz-Cf-Pop', pop, 'X-Amz-Cf-Id', requestId);
  if (ageSeconds !== undefined) raw.push('Age', String(ageSeconds));
  if (response.status !== 304 && response.status !== 204) {
    const declared = response.headers['content-length']?.[0];
    // A streamed body has the length its origin declared (compression removes it), or goes chunked (issue 9).
    const keepsDeclared = (method === 'HEAD' && response.body.length === 0) || response.stream !== undefined;
    if (!keepsDeclared) raw.push('Content-Length', String(response.body.length));
    else if (declared) raw.push('Content-Length', declared.value);
  }
  const finished: EdgeResponse = { status: response.status, statusDescription: response.statusDescription, rawHeaders: raw, body: response.body };
  if (response.stream !== undefined) finished.stream = response.stream;
  return finished;
}

/** §6.1: `Server: CloudFront` on responses CloudFront or a function generated, unless the function set one. */
export function withCloudFrontServer(response: HttpResponse): HttpResponse {
  if (getHeaderValue(response.headers, 'server') !== undefined) return response;
  const headers = copyHeaders(response.headers);
  setHeader(headers, 'server', 'CloudFront');
  return { ...response, headers };
}

/** D38: a viewer's conditional request that matches a cached 200 gets 304 from the edge. */
export function answerViewerConditional(state: RequestState, response: HttpResponse): HttpResponse {
  if (response.status !== 200) return response;
  const requestHeaders = state.request.headers;
  const ifNoneMatch = getHeaderValue(requestHeaders, 'if-none-match');
  const ifModifiedSince = ifNoneMatch === undefined ? getHeaderValue(requestHeaders, 'if-modified-since') : undefined;
  // Most requests are unconditional: leave the (cached) response's headers undecoded.
  if (ifNoneMatch === undefined && ifModifiedSince === undefined) return response;
  let notModified = false;
  if (ifNoneMatch !== undefined) {
    const etag = getHeaderValue(response.headers, 'etag');
    notModified = etag !== undefined && (ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => weakEqual(tag.trim(), etag)));
  } else {
    const lastModified = getHeaderValue(response.headers, 'last-modified');
    if (lastModified) notModified = Date.parse(lastModified) <= Date.parse(ifModifiedSince!);
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
