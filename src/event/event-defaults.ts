/**
 * Appendix A values: what AWS's example events carry, used as `buildEvent` defaults.
 */
import type { CloudFrontCustomOrigin } from './types.js';

export const DEFAULT_DISTRIBUTION_DOMAIN = 'd111111abcdef8.cloudfront.net';
export const DEFAULT_DISTRIBUTION_ID = 'EDFDVBD6EXAMPLE';
export const DEFAULT_CLIENT_IP = '203.0.113.178';
export const DEFAULT_ORIGIN_VIA = '2.0 2afae0d44e2540f472c0635ab62c232b.cloudfront.net (CloudFront)';

/** A.2: the custom origin `example.org`. */
export function defaultCustomOrigin(): CloudFrontCustomOrigin {
  return {
    customHeaders: {},
    domainName: 'example.org',
    keepaliveTimeout: 5,
    path: '',
    port: 443,
    protocol: 'https',
    readTimeout: 30,
    sslProtocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
  };
}

/** A.1 / A.4: the viewer's request headers, as curl sent them (`accept` lower-case on the wire). */
export function defaultViewerHeaders(host: string): [string, string][] {
  return [
    ['Host', host],
    ['User-Agent', 'curl/7.66.0'],
    ['accept', '*/*'],
  ];
}

/** A.2 / A.3: the origin-bound request headers CloudFront builds (§6.2); `cache-control` of AWS's request left out. */
export function defaultOriginHeaders(clientIp: string, host: string): [string, string][] {
  return [
    ['X-Forwarded-For', clientIp],
    ['User-Agent', 'Amazon CloudFront'],
    ['Via', DEFAULT_ORIGIN_VIA],
    ['Host', host],
  ];
}

/** A.3 / A.4: the example origin's response headers; viewer-response (served from cache) adds `Age`. */
export function defaultResponseHeaders(fromCache: boolean): [string, string][] {
  const headers: [string, string][] = [
    ['Access-Control-Allow-Credentials', 'true'],
    ['Access-Control-Allow-Origin', '*'],
    ['Date', 'Mon, 13 Jan 2020 20:12:38 GMT'],
    ['Referrer-Policy', 'no-referrer-when-downgrade'],
    ['Server', 'ExampleCustomOriginServer'],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['X-XSS-Protection', '1; mode=block'],
  ];
  if (fromCache) headers.push(['Age', '2402']);
  headers.push(['Content-Type', 'text/html; charset=utf-8'], ['Content-Length', '9593']);
  return headers;
}
