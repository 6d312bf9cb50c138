import { getHeaderValue, newHeaderMap, setHeader } from '../event/index.js';
import type { HttpResponse } from '../event/index.js';
import { readSignedParams, verifySignedRequest } from '../signing/index.js';
import type { SigningFailure } from '../signing/index.js';
import type { RequestState } from './types.js';
import { logForRequest } from './request-log.js';

/**
 * Issue 11 (dg:private-content-signed-urls): a behavior with TrustedKeyGroups serves only requests with a valid signed
 * URL or signed cookies, checked before any function runs. The signing query parameters are removed from the request
 * before the cache key and the origin request (§5.1). The resource is compared as `https://` and `http://` (D43: the
 * plain listener may count as HTTPS) and with the viewer's `Host` or the distribution's domain name (D54).
 */
export function checkSignedRequest(state: RequestState): HttpResponse | undefined {
  const keys = state.behavior.trustedKeys;
  if (keys === undefined) return undefined;
  const { request, viewer } = state;
  const cookies = request.headers['cookie']?.map((line) => line.value) ?? [];
  const { params, rest } = readSignedParams(request.querystring, cookies);
  request.querystring = rest;
  const q = viewer.url.indexOf('?');
  const tail = (q === -1 ? viewer.url : viewer.url.slice(0, q)) + (rest === '' ? '' : `?${rest}`);
  const hosts = [getHeaderValue(request.headers, 'host') ?? state.deps.distribution.domainName, state.deps.distribution.domainName];
  const schemes = viewer.https ? ['https', 'http'] : ['http', 'https'];
  const urls = [...new Set(hosts.flatMap((host) => schemes.map((scheme) => `${scheme}://${host}${tail}`)))];
  const failure = verifySignedRequest({ params, urls, clientIp: request.clientIp, now: Math.floor(state.now / 1000) }, keys);
  if (failure === undefined) return undefined;
  logForRequest(state, `[signed] ${state.requestId} 403 ${failure.code}: ${failure.reason}`);
  return signingErrorResponse(failure);
}

// CloudFront's XML error body for refused signed requests, as real distributions send it (`text/xml`).
function signingErrorResponse(failure: SigningFailure): HttpResponse {
  const headers = newHeaderMap();
  setHeader(headers, 'server', 'CloudFront');
  setHeader(headers, 'content-type', 'text/xml');
  const body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${failure.code}</Code><Message>${failure.message}</Message></Error>`;
  return { status: 403, statusDescription: 'Forbidden', headers, body: Buffer.from(body) };
}
