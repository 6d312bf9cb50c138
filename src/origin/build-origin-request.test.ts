import { describe, it, expect } from 'vitest';
import { buildOriginRequest } from './build-origin-request.js';
import { VIA_ID } from './via.js';
import {
  ALL_VIEWER,
  CACHING_OPTIMIZED,
  VIEWER,
  behavior,
  cachePolicy,
  distribution,
  headers,
  origin,
  viewerRequest,
} from './test-fixtures.js';
import type { CfHeaders } from '../event/types.js';
import type { OriginRequestPolicy } from '../config/types.js';

const ORIGIN = origin();
const DIST = distribution([ORIGIN]);

const BROWSER = headers({
  Host: 'd111111abcdef8.cloudfront.net',
  'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64)',
  Accept: 'text/html',
  'Accept-Language': 'en',
  'Accept-Encoding': 'gzip, deflate, br',
  Authorization: 'Bearer t',
  Cookie: ['b=2; a=1', 'c=3'],
  Referer: 'https://example.com/',
  'X-Custom': 'yes',
  Origin: 'https://example.com',
  'Content-Type': 'text/plain',
  'If-None-Match': '"viewer"',
  Range: 'bytes=0-9',
});

function value(map: CfHeaders, name: string): string | undefined {
  return map[name]?.map((entry) => entry.value).join(' | ');
}

describe('buildOriginRequest', () => {
  it('§5.4 CachingOptimized forwards only CloudFront\'s own headers, no query, no cookies', () => {
    const req = buildOriginRequest(DIST, behavior(), ORIGIN, viewerRequest('/a.js', { headers: BROWSER, querystring: 'v=1' }), VIEWER);
    expect(Object.keys(req.headers).sort()).toEqual(
      ['accept-encoding', 'host', 'range', 'user-agent', 'via', 'x-forwarded-for'].sort(),
    );
    expect(value(req.headers, 'host')).toBe('origin.example.com');
    expect(value(req.headers, 'user-agent')).toBe('Amazon CloudFront');
    expect(value(req.headers, 'accept-encoding')).toBe('br,gzip');
    expect(req.querystring).toBe('');
    expect(req.uri).toBe('/a.js');
  });

  it('§5.5 AllViewer forwards every viewer header, the viewer Host, all cookies sorted and all query strings', () => {
    const b = behavior({ originRequestPolicy: ALL_VIEWER });
    const req = buildOriginRequest(DIST, b, ORIGIN, viewerRequest('/', { headers: BROWSER, querystring: 'z=1&a=2' }), VIEWER);
    expect(value(req.headers, 'host')).toBe('d111111abcdef8.cloudfront.net');
    expect(value(req.headers, 'user-agent')).toBe('Mozilla/5.0 (X11; Linux x86_64)');
    expect(value(req.headers, 'authorization')).toBe('Bearer t');
    expect(value(req.headers, 'x-custom')).toBe('yes');
    expect(value(req.headers, 'accept-language')).toBe('en');
    expect(value(req.headers, 'cookie')).toBe('a=1; b=2; c=3');
    expect(req.headers['x-custom']![0]!.key).toBe('X-Custom');
    expect(req.querystring).toBe('z=1&a=2');
  });

  it('§6.2 never forwards the viewer Host to an S3 origin', () => {
    const s3 = origin({ kind: 's3', domainName: 'bucket.s3.eu-west-1.amazonaws.com' });
    const req = buildOriginRequest(DIST, behavior({ originRequestPolicy: ALL_VIEWER }), s3, viewerRequest('/', { headers: BROWSER }), VIEWER);
    expect(value(req.headers, 'host')).toBe('bucket.s3.eu-west-1.amazonaws.com');
  });

  it('§5.5 AllViewerExceptHostHeader sends the origin domain as Host', () => {
    const policy: OriginRequestPolicy = { ...ALL_VIEWER, id: 'b689b0a8', headers: { behavior: 'allExcept', names: ['Host'] } };
    const req = buildOriginRequest(DIST, behavior({ originRequestPolicy: policy }), ORIGIN, viewerRequest('/', { headers: BROWSER }), VIEWER);
    expect(value(req.headers, 'host')).toBe('origin.example.com');
    expect(value(req.headers, 'x-custom')).toBe('yes');
  });

  it('§6.2 appends the viewer IP to X-Forwarded-For, or creates it', () => {
    const created = buildOriginRequest(DIST, behavior(), ORIGIN, viewerRequest('/'), VIEWER);
    expect(value(created.headers, 'x-forwarded-for')).toBe('203.0.113.178');
    const appended = buildOriginRequest(
      DIST,
      behavior(),
      ORIGIN,
      viewerRequest('/', { headers: headers({ 'X-Forwarded-For': '192.0.2.4,192.0.2.3' }) }),
      VIEWER,
    );
    expect(value(appended.headers, 'x-forwarded-for')).toBe('192.0.2.4,192.0.2.3,203.0.113.178');
  });

  it('§6.2 (D40) appends Via with the viewer HTTP version and a fixed 32-hex id', () => {
    const req = buildOriginRequest(DIST, behavior(), ORIGIN, viewerRequest('/'), VIEWER);
    expect(VIA_ID).toMatch(/^[0-9a-f]{32}$/);
    expect(value(req.headers, 'via')).toBe(`2.0 ${VIA_ID}.cloudfront.net (CloudFront)`);
    const chained = buildOriginRequest(
      DIST,
      behavior(),
      ORIGIN,
      viewerRequest('/', { headers: headers({ Via: '1.1 proxy' }) }),
      { ...VIEWER, httpVersion: '1.1' },
    );
    expect(value(chained.headers, 'via')).toBe(`1.1 proxy, 1.1 ${VIA_ID}.cloudfront.net (CloudFront)`);
  });

  it('§5.2 legacy settings forward listed headers and the as-is ones, not Accept/Authorization/Referer', () => {
    const legacy = behavior({
      cachePolicy: cachePolicy({ id: 'legacy:*', headers: { behavior: 'whitelist', names: ['Accept-Language'] } }),
      legacy: { forwardAllQueryStrings: true, forwardAllHeaders: false },
    });
    const req = buildOriginRequest(DIST, legacy, ORIGIN, viewerRequest('/', { headers: BROWSER, querystring: 'a=1&b=2' }), VIEWER);
    expect(value(req.headers, 'accept-language')).toBe('en');
    expect(value(req.headers, 'content-type')).toBe('text/plain');
    expect(value(req.headers, 'origin')).toBe('https://example.com');
    expect(value(req.headers, 'if-none-match')).toBe('"viewer"');
    expect(value(req.headers, 'x-custom')).toBe('yes');
    expect(req.headers['accept']).toBeUndefined();
    expect(req.headers['authorization']).toBeUndefined();
    expect(req.headers['referer']).toBeUndefined();
    expect(req.headers['cookie']).toBeUndefined();
    expect(value(req.headers, 'host')).toBe('origin.example.com');
    expect(req.querystring).toBe('a=1&b=2');
  });

  it('§5.2 legacy cookie whitelist honours * and ? wildcards', () => {
    const legacy = behavior({
      cachePolicy: cachePolicy({ id: 'legacy:*', cookies: { behavior: 'whitelist', names: ['sess-*', 'x?'] }, cookiePattern: /^(?:sess-.*|x.)$/s }),
      legacy: { forwardAllQueryStrings: false, forwardAllHeaders: false },
    });
    const req = buildOriginRequest(
      DIST,
      legacy,
      ORIGIN,
      viewerRequest('/', { headers: headers({ Cookie: 'xy=1; sess-b=2; other=3; xyz=4; sess-a=5' }) }),
      VIEWER,
    );
    expect(value(req.headers, 'cookie')).toBe('sess-a=5; sess-b=2; xy=1');
  });

  it('§5.1 removes signed-URL parameters and keeps listed parameters in viewer order', () => {
    const b = behavior({
      cachePolicy: cachePolicy({ queryStrings: { behavior: 'whitelist', names: ['b', 'a', 'Signature'] } }),
      originRequestPolicy: { ...ALL_VIEWER, headers: { behavior: 'none', names: [] }, queryStrings: { behavior: 'whitelist', names: ['c'] } },
    });
    const req = buildOriginRequest(
      DIST,
      b,
      ORIGIN,
      viewerRequest('/', { querystring: 'c=3&Expires=1&a=1&A=9&b=2&Signature=x&Key-Pair-Id=k&d=4' }),
      VIEWER,
    );
    expect(req.querystring).toBe('c=3&a=1&b=2');
  });

  it('§5.1 forwards whitelisted cookies only, sorted by name', () => {
    const b = behavior({ cachePolicy: cachePolicy({ cookies: { behavior: 'whitelist', names: ['b', 'a'] } }) });
    const req = buildOriginRequest(DIST, b, ORIGIN, viewerRequest('/', { headers: BROWSER }), VIEWER);
    expect(value(req.headers, 'cookie')).toBe('a=1; b=2');
  });

  it('§5.3 sends normalised Accept-Encoding, identity without gzip/br, nothing for HTTP/1.0', () => {
    const plain = buildOriginRequest(DIST, behavior(), ORIGIN, viewerRequest('/', { headers: headers({ 'Accept-Encoding': 'deflate' }) }), VIEWER);
    expect(value(plain.headers, 'accept-encoding')).toBe('identity');
    const old = buildOriginRequest(DIST, behavior(), ORIGIN, viewerRequest('/', { headers: BROWSER }), { ...VIEWER, httpVersion: '1.0' });
    expect(old.headers['accept-encoding']).toBeUndefined();
    const none = buildOriginRequest(DIST, behavior(), ORIGIN, viewerRequest('/'), VIEWER);
    expect(none.headers['accept-encoding']).toBeUndefined();
  });

  it('§6.3 adds named CloudFront-* headers, overwriting same-named viewer headers', () => {
    const names = [
      'CloudFront-Viewer-Country',
      'CloudFront-Viewer-City',
      'CloudFront-Is-Mobile-Viewer',
      'CloudFront-Is-IOS-Viewer',
      'CloudFront-Is-Desktop-Viewer',
      'CloudFront-Forwarded-Proto',
      'CloudFront-Viewer-Address',
      'CloudFront-Viewer-Http-Version',
    ];
    const b = behavior({ originRequestPolicy: { ...ALL_VIEWER, headers: { behavior: 'allViewerAndWhitelistCloudFront', names } } });
    const viewerHeaders = headers({
      'User-Agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148',
      'CloudFront-Viewer-Country': 'XX',
    });
    const req = buildOriginRequest(DIST, b, ORIGIN, viewerRequest('/', { headers: viewerHeaders }), {
      ...VIEWER,
      geo: { country: 'DE', 'cloudfront-viewer-city': 'Berlin' },
    });
    expect(value(req.headers, 'cloudfront-viewer-country')).toBe('DE');
    expect(value(req.headers, 'cloudfront-viewer-city')).toBe('Berlin');
    expect(value(req.headers, 'cloudfront-is-mobile-viewer')).toBe('true');
    expect(value(req.headers, 'cloudfront-is-ios-viewer')).toBe('true');
    expect(value(req.headers, 'cloudfront-is-desktop-viewer')).toBe('false');
    expect(value(req.headers, 'cloudfront-forwarded-proto')).toBe('https');
    expect(value(req.headers, 'cloudfront-viewer-address')).toBe('203.0.113.178:46532');
    expect(value(req.headers, 'cloudfront-viewer-http-version')).toBe('2.0');
    expect(req.headers['cloudfront-is-ios-viewer']![0]!.key).toBe('CloudFront-Is-IOS-Viewer');
    // Not named by any policy: not generated.
    expect(req.headers['cloudfront-is-tablet-viewer']).toBeUndefined();
  });

  it('§6.3 uses default geo values and marks a plain browser as desktop', () => {
    const b = behavior({
      cachePolicy: cachePolicy({ headers: { behavior: 'whitelist', names: ['CloudFront-Viewer-Country', 'CloudFront-Is-Desktop-Viewer'] } }),
    });
    const req = buildOriginRequest(DIST, b, ORIGIN, viewerRequest('/', { headers: BROWSER }), VIEWER);
    expect(value(req.headers, 'cloudfront-viewer-country')).toBe('US');
    expect(value(req.headers, 'cloudfront-is-desktop-viewer')).toBe('true');
  });

  it('§5.10 adds If-None-Match and If-Modified-Since for revalidation', () => {
    const req = buildOriginRequest(DIST, behavior(), ORIGIN, viewerRequest('/', { headers: BROWSER }), VIEWER, {
      etag: '"abc"',
      lastModified: 'Wed, 21 Oct 2015 07:28:00 GMT',
    });
    expect(value(req.headers, 'if-none-match')).toBe('"abc"');
    expect(value(req.headers, 'if-modified-since')).toBe('Wed, 21 Oct 2015 07:28:00 GMT');
  });

  it('§1.8 (D11) fills a custom origin from the DistributionConfig, protocol by the origin protocol policy', () => {
    const custom = origin({ protocolPolicy: 'match-viewer', httpPort: 8080, originPath: '/v1', customHeaders: headers({ 'X-Secret': 's' }) });
    const overHttp = buildOriginRequest(DIST, behavior(), custom, viewerRequest('/'), { ...VIEWER, https: false });
    expect(overHttp.origin).toEqual({
      custom: {
        customHeaders: { 'x-secret': [{ key: 'X-Secret', value: 's' }] },
        domainName: 'origin.example.com',
        keepaliveTimeout: 5,
        path: '/v1',
        port: 8080,
        protocol: 'http',
        readTimeout: 30,
        sslProtocols: ['TLSv1.2'],
      },
    });
    // §3.4: custom headers travel in origin.custom.customHeaders, applied when sending.
    expect(overHttp.headers['x-secret']).toBeUndefined();
  });

  it('§1.8 (D11) fills an S3 origin: region only with an OAI', () => {
    const oai = origin({ kind: 's3', domainName: 'b.s3.eu-west-1.amazonaws.com', s3AuthMethod: 'origin-access-identity', s3Region: 'eu-west-1' });
    expect(buildOriginRequest(DIST, behavior(), oai, viewerRequest('/'), VIEWER).origin).toEqual({
      s3: { authMethod: 'origin-access-identity', customHeaders: {}, domainName: 'b.s3.eu-west-1.amazonaws.com', path: '', region: 'eu-west-1' },
    });
    const open = origin({ kind: 's3', domainName: 'b.s3.amazonaws.com' });
    expect(buildOriginRequest(DIST, behavior(), open, viewerRequest('/'), VIEWER).origin).toEqual({
      s3: { authMethod: 'none', customHeaders: {}, domainName: 'b.s3.amazonaws.com', path: '', region: '' },
    });
  });

  it('§3.2 drops disallowed and hop-by-hop viewer headers even under AllViewer', () => {
    const b = behavior({ originRequestPolicy: ALL_VIEWER });
    const viewerHeaders = headers({ Connection: 'keep-alive', 'X-Forwarded-Proto': 'http', TE: 'trailers', 'X-Edge-Foo': '1', 'X-Ok': '1' });
    Object.defineProperty(viewerHeaders, '__proto__', { value: [{ key: '__proto__', value: 'x' }], enumerable: true });
    const req = buildOriginRequest(DIST, b, ORIGIN, viewerRequest('/', { headers: viewerHeaders }), VIEWER);
    expect(req.headers['connection']).toBeUndefined();
    expect(req.headers['x-forwarded-proto']).toBeUndefined();
    expect(req.headers['te']).toBeUndefined();
    expect(req.headers['x-edge-foo']).toBeUndefined();
    expect(value(req.headers, 'x-ok')).toBe('1');
    expect(Object.getPrototypeOf(req.headers)).toBeNull();
  });

  it('§5.1 keeps the Content-Length of a body under any policy', () => {
    const req = buildOriginRequest(
      DIST,
      behavior({ cachePolicy: CACHING_OPTIMIZED }),
      ORIGIN,
      viewerRequest('/', { method: 'POST', headers: headers({ 'Content-Length': '3', 'Content-Type': 'text/plain' }) }),
      VIEWER,
    );
    expect(value(req.headers, 'content-length')).toBe('3');
    expect(req.method).toBe('POST');
  });
});
