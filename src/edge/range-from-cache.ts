import { getHeaderValue } from '../event/index.js';
import type { HttpResponse } from '../event/index.js';
import { parseRange } from '../origin/index.js';
import { copyHeaders } from './finish-response.js';
import type { RequestState } from './types.js';

/**
 * D35 (issue 9; dg:RangeGETs: "If the object is in the edge cache, CloudFront returns the requested range"): a Range
 * GET that hits a cached whole object is answered from it, 206 with Content-Range; a malformed or multi-range header
 * gets the whole object, an unsatisfiable one 416, and an If-Range that no longer matches the whole object (RFC 9110).
 */
export function answerRangeFromCache(state: RequestState, response: HttpResponse): HttpResponse {
  if (response.status !== 200 || state.request.method !== 'GET') return response;
  const requestHeaders = state.request.headers;
  const header = getHeaderValue(requestHeaders, 'range');
  if (header === undefined) return response;
  const ifRange = getHeaderValue(requestHeaders, 'if-range');
  if (ifRange !== undefined && ifRange !== getHeaderValue(response.headers, 'etag') && ifRange !== getHeaderValue(response.headers, 'last-modified')) {
    return response;
  }
  const size = response.body.length;
  const range = parseRange(header, size);
  if (range === undefined) return response;
  const headers = copyHeaders(response.headers);
  delete headers['content-length'];
  if (range === 'unsatisfiable') {
    headers['content-range'] = [{ key: 'Content-Range', value: `bytes */${size}` }];
    return { status: 416, statusDescription: 'Requested Range Not Satisfiable', headers, body: Buffer.alloc(0) };
  }
  headers['content-range'] = [{ key: 'Content-Range', value: `bytes ${range.start}-${range.end}/${size}` }];
  return { status: 206, statusDescription: 'Partial Content', headers, body: response.body.subarray(range.start, range.end + 1) };
}
