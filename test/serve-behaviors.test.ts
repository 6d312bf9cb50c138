import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { arn, startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';
import { rawExchange, rawRequest } from './helpers/raw-request.js';

const ALL_METHODS = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'];

// The origin names the origin Id it was reached as (Host = `<id>.example.com`), the method and the path.
function echoOrigin(): Promise<TestOrigin> {
  return startOrigin((req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'max-age=300' });
    res.end(`${req.headers.host!.split('.')[0]} ${req.method} ${req.url}`);
  });
}

const handlers = {
  // Logs the uri it sees and rewrites one path into another behavior's pattern.
  vreq: `export const handler = async (event) => {
    const request = event.Records[0].cf.request;
    console.log('seen-uri=' + request.uri);
    if (request.uri === '/rewrite-me') request.uri = '/images/moved.jpg';
    return request;
  };`,
};

describe('§7.1 behavior matching through the proxy', () => {
  let origin: TestOrigin;
  let edge: TestEdge;

  beforeAll(async () => {
    origin = await echoOrigin();
    const ids = ['fallback', 'jpg', 'special', 'api', 'never', 'one-char', 'docs'];
    edge = await startEdge({
      origins: ids,
      originMap: Object.fromEntries(ids.map((id) => [id, origin.url])),
      defaultBehavior: { origin: 'fallback', lambdas: { 'viewer-request': arn('vreq') } },
      handlers,
      behaviors: [
        { path: '/images/*.jpg', origin: 'jpg' },
        { path: '/api/special/*', origin: 'special' },
        { path: '/api/*', origin: 'api' },
        // Listed after `/api/*`, which already matches everything it would: never selected.
        { path: '/api/never/*', origin: 'never' },
        { path: '/v?', origin: 'one-char' },
        { path: 'docs/*', origin: 'docs' },
      ],
    });
  });

  afterAll(async () => {
    await edge?.close();
    await origin?.close();
  });

  const servedBy = async (path: string) => (await (await edge.get(path)).text()).split(' ')[0];

  it('§7.1 `*` matches any run of characters including `/`', async () => {
    expect(await servedBy('/images/a.jpg')).toBe('jpg');
    expect(await servedBy('/images/deep/er/b.jpg')).toBe('jpg');
    expect(await servedBy('/images/c.png')).toBe('fallback');
  });

  it('§7.1 matching is case-sensitive', async () => {
    expect(await servedBy('/images/LOGO.JPG')).toBe('fallback');
    expect(await servedBy('/API/x')).toBe('fallback');
  });

  it('§7.1 behaviors are tried in list order; the first match wins', async () => {
    expect(await servedBy('/api/special/x')).toBe('special');
    expect(await servedBy('/api/other')).toBe('api');
    expect(await servedBy('/api/never/x')).toBe('api');
  });

  it('§7.1 `?` matches exactly one character', async () => {
    expect(await servedBy('/v1')).toBe('one-char');
    expect(await servedBy('/v12')).toBe('fallback');
    expect(await servedBy('/v')).toBe('fallback');
  });

  it('§7.1 a leading `/` in the pattern is optional', async () => {
    expect(await servedBy('/docs/guide')).toBe('docs');
  });

  it('§7.1 the default behavior is last and matches the rest', async () => {
    expect(await servedBy('/anything/else')).toBe('fallback');
  });

  it('§7.1 query strings are ignored for matching', async () => {
    expect(await servedBy('/v1?x=/images/a.jpg')).toBe('one-char');
  });

  it('§7.1 a uri rewrite in viewer-request never re-selects the behavior', async () => {
    const response = await edge.get('/rewrite-me');
    // Reached through the default behavior's origin, with the rewritten path.
    expect(await response.text()).toBe('fallback GET /images/moved.jpg');
  });
});

describe('§7.3 ViewerProtocolPolicy on a plain-HTTP viewer (D41, D43)', () => {
  let origin: TestOrigin;
  let edge: TestEdge;

  beforeAll(async () => {
    origin = await echoOrigin();
    edge = await startEdge({
      originMap: { origin: origin.url },
      aliases: ['www.example.com', '*.example.com'],
      viewerProtocol: 'http',
      handlers,
      defaultBehavior: { lambdas: { 'viewer-request': arn('vreq') } },
      behaviors: [
        { path: '/redirect/*', viewerProtocolPolicy: 'redirect-to-https', methods: ALL_METHODS, lambdas: { 'viewer-request': arn('vreq') } },
        { path: '/only/*', viewerProtocolPolicy: 'https-only', lambdas: { 'viewer-request': arn('vreq') } },
      ],
    });
  });

  afterAll(async () => {
    await edge?.close();
    await origin?.close();
  });

  it('§7.3 redirect-to-https: GET → 301 to https://Host/path?query, X-Cache Redirect, no function runs', async () => {
    const before = edge.invocations('vreq');
    const response = await rawRequest(`${edge.url}/redirect/page?a=1&b=2`, { headers: { host: 'www.example.com' } });
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('https://www.example.com/redirect/page?a=1&b=2');
    expect(response.headers['x-cache']).toBe('Redirect from cloudfront');
    expect(response.headers.server).toBe('CloudFront');
    expect(response.headers['x-amz-cf-id']).toBeTruthy();
    expect(edge.invocations('vreq')).toBe(before);
    expect(origin.requests.some((r) => r.url.startsWith('/redirect/'))).toBe(false);
  });

  it('§7.3 redirect-to-https: HEAD → 301', async () => {
    const response = await rawRequest(`${edge.url}/redirect/head`, { method: 'HEAD', headers: { host: 'h.example.com' } });
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('https://h.example.com/redirect/head');
  });

  it('§7.3 redirect-to-https: POST over HTTP/1.1 → 307 to the same URL', async () => {
    const response = await rawRequest(`${edge.url}/redirect/form`, { method: 'POST', headers: { host: 'www.example.com' }, body: 'a=1' });
    expect(response.status).toBe(307);
    expect(response.headers.location).toBe('https://www.example.com/redirect/form');
    expect(response.headers['x-cache']).toBe('Redirect from cloudfront');
  });

  it('§7.3 redirect-to-https: POST over HTTP/1.0 → 403', async () => {
    const text = await rawExchange(edge.url, 'POST /redirect/form HTTP/1.0\r\nHost: www.example.com\r\nContent-Length: 3\r\n\r\na=1');
    expect(text).toMatch(/^HTTP\/1\.1 403 /);
    expect(text).toMatch(/\r\nX-Cache: Error from cloudfront\r\n/i);
  });

  it('§7.3 https-only → 403 Error, no function runs', async () => {
    const before = edge.invocations('vreq');
    const response = await edge.get('/only/x');
    expect(response.status).toBe(403);
    expect(response.headers.get('x-cache')).toBe('Error from cloudfront');
    expect(await response.text()).toContain('<H1>403 ERROR</H1>');
    expect(edge.invocations('vreq')).toBe(before);
  });

  it('§7.3 allow-all serves plain HTTP', async () => {
    const response = await edge.get('/plain');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-cache')).toBe('Miss from cloudfront');
  });
});

describe('§7.3 D43 the plain listener counts as HTTPS by default', () => {
  it('§7.3 redirect-to-https and https-only behaviors serve', async () => {
    const origin = await echoOrigin();
    const edge = await startEdge({ originMap: { origin: origin.url }, defaultBehavior: { viewerProtocolPolicy: 'https-only' } });
    try {
      const response = await edge.get('/secure');
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('origin GET /secure');
    } finally {
      await edge.close();
      await origin.close();
    }
  });
});

describe('§7.2 §5.7 AllowedMethods and CachedMethods', () => {
  let origin: TestOrigin;
  let edge: TestEdge;
  const originHits = (path: string) => origin.requests.filter((r) => r.url === path).length;

  beforeAll(async () => {
    origin = await echoOrigin();
    edge = await startEdge({
      originMap: { origin: origin.url },
      handlers,
      defaultBehavior: { lambdas: { 'viewer-request': arn('vreq') } },
      behaviors: [
        { path: '/options-uncached/*', methods: ['GET', 'HEAD', 'OPTIONS'], cachedMethods: ['GET', 'HEAD'] },
        { path: '/options-cached/*', methods: ['GET', 'HEAD', 'OPTIONS'], cachedMethods: ['GET', 'HEAD', 'OPTIONS'] },
        { path: '/all/*', methods: ALL_METHODS },
      ],
    });
  });

  afterAll(async () => {
    await edge?.close();
    await origin?.close();
  });

  it('§7.2 a method outside AllowedMethods → 403 with CloudFront\'s text; no function, no origin', async () => {
    const before = edge.invocations('vreq');
    for (const method of ['POST', 'OPTIONS', 'DELETE']) {
      const response = await edge.get('/get-only', { method });
      expect(response.status).toBe(403);
      expect(response.headers.get('x-cache')).toBe('Error from cloudfront');
      expect(await response.text()).toContain(
        'This distribution is not configured to allow the HTTP request method that was used for this request. The distribution supports only cachable requests.',
      );
    }
    expect(edge.invocations('vreq')).toBe(before);
    expect(originHits('/get-only')).toBe(0);
  });

  it('§5.7 OPTIONS is not cached when CachedMethods lacks it', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await edge.get('/options-uncached/x', { method: 'OPTIONS' });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-cache')).toBe('Miss from cloudfront');
    }
    expect(originHits('/options-uncached/x')).toBe(2);
  });

  it('§5.7 OPTIONS is cached when CachedMethods lists it, in its own entry apart from GET', async () => {
    const first = await edge.get('/options-cached/x', { method: 'OPTIONS' });
    expect(first.headers.get('x-cache')).toBe('Miss from cloudfront');
    const second = await edge.get('/options-cached/x', { method: 'OPTIONS' });
    expect(second.headers.get('x-cache')).toBe('Hit from cloudfront');
    expect(await second.text()).toBe('origin OPTIONS /options-cached/x');
    // §5.1: the method is part of the key for OPTIONS: a GET does not get the OPTIONS entry.
    const get = await edge.get('/options-cached/x');
    expect(get.headers.get('x-cache')).toBe('Miss from cloudfront');
    expect(await get.text()).toBe('origin GET /options-cached/x');
  });

  it('§5.7 POST is never cached, and never answered from the GET entry', async () => {
    await edge.get('/all/form');
    expect((await edge.get('/all/form')).headers.get('x-cache')).toBe('Hit from cloudfront');
    for (let i = 0; i < 2; i++) {
      const response = await edge.get('/all/form', { method: 'POST', body: `n=${i}` });
      expect(response.headers.get('x-cache')).toBe('Miss from cloudfront');
      expect(await response.text()).toBe('origin POST /all/form');
    }
    const posts = origin.requests.filter((r) => r.url === '/all/form' && r.method === 'POST');
    expect(posts.map((r) => r.body)).toEqual(['n=0', 'n=1']);
  });

  it('§7.2 a GET with a body → 403, nothing reaches the origin', async () => {
    const before = edge.invocations('vreq');
    for (const framing of [{ 'content-length': '8' }, { 'transfer-encoding': 'chunked' }] as Record<string, string>[]) {
      const response = await rawRequest(`${edge.url}/all/get-with-body`, { headers: { 'content-type': 'text/plain', ...framing }, body: 'surprise' });
      expect(response.status).toBe(403);
      expect(response.headers['x-cache']).toBe('Error from cloudfront');
    }
    expect(edge.invocations('vreq')).toBe(before);
    expect(originHits('/all/get-with-body')).toBe(0);
  });
});

describe('§7.4 DefaultRootObject (D44)', () => {
  let origin: TestOrigin;
  let edge: TestEdge;

  beforeAll(async () => {
    origin = await echoOrigin();
    edge = await startEdge({
      originMap: { origin: origin.url },
      defaultRootObject: 'index.html',
      handlers,
      defaultBehavior: { lambdas: { 'viewer-request': arn('vreq') } },
    });
  });

  afterAll(async () => {
    await edge?.close();
    await origin?.close();
  });

  it('§7.4 `/` is fetched as /index.html and viewer-request sees /index.html', async () => {
    const response = await edge.get('/');
    expect(await response.text()).toBe('origin GET /index.html');
    expect(edge.logs.some((line) => line.includes('seen-uri=/index.html'))).toBe(true);
    expect(edge.logs.some((line) => /seen-uri=\/$/.test(line))).toBe(false);
  });

  it('§7.4 `/` with a query string still gets the object', async () => {
    const response = await edge.get('/?x=1');
    expect(await response.text()).toBe('origin GET /index.html');
  });

  it('§7.4 only exactly `/`: a subdirectory is left alone', async () => {
    const response = await edge.get('/dir/');
    expect(await response.text()).toBe('origin GET /dir/');
  });
});
