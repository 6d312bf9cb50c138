import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_VIEWER } from './helpers/distribution.js';
import { arn, startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';
import { rawRequest } from './helpers/raw-request.js';
import { cachePolicy, startScriptedOrigin } from './helpers/scripted-origin.js';
import type { ScriptedOrigin } from './helpers/scripted-origin.js';

const KEYED = 'bbbbbbbb-0000-4000-8000-000000000001';
const ALL_QUERY = 'bbbbbbbb-0000-4000-8000-000000000002';
const GZIP_ONLY = 'bbbbbbbb-0000-4000-8000-000000000003';
const ALL_COOKIES = 'bbbbbbbb-0000-4000-8000-000000000004';
const TTL = { min: 1, default: 86400, max: 31536000 };

let origin: ScriptedOrigin;
let edge: TestEdge;

beforeAll(async () => {
  origin = await startScriptedOrigin();
  edge = await startEdge({
    originMap: { origin: origin.url },
    cachePolicies: {
      [KEYED]: cachePolicy(TTL, { queryStrings: ['a'], headers: ['X-Variant'], cookies: ['session', 'theme'], gzip: true, br: true }),
      [ALL_QUERY]: cachePolicy(TTL, { queryStrings: 'all' }),
      [GZIP_ONLY]: cachePolicy(TTL, { gzip: true }),
      [ALL_COOKIES]: cachePolicy(TTL, { cookies: 'all' }),
    },
    behaviors: [
      { path: '/keyed/*', cachePolicyId: KEYED },
      { path: '/all-query/*', cachePolicyId: ALL_QUERY },
      { path: '/gzip-only/*', cachePolicyId: GZIP_ONLY },
      { path: '/cookies-in-key/*', cachePolicyId: ALL_COOKIES },
      { path: '/cookies-to-origin/*', originRequestPolicyId: ALL_VIEWER },
    ],
  });
});

afterAll(async () => {
  await edge?.close();
  await origin?.close();
});

/** The request number the body reports: the same number twice means the second came from cache. */
async function served(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const response = await rawRequest(`${edge.url}${path}`, { method, headers });
  return { ...response, n: Number(response.body.split('#')[1]) };
}

describe('§5.1 cache key by policy', () => {
  it('§5.1 only the listed query parameters are in the key and reach the origin', async () => {
    expect((await served('/keyed/q?a=1&b=1')).n).toBe(1);
    expect((await served('/keyed/q?b=2&a=1')).n).toBe(1);
    expect((await served('/keyed/q?a=2')).n).toBe(2);
    // Query names are case-sensitive: `A` is not `a`.
    expect((await served('/keyed/q?A=1')).n).toBe(3);
    expect(origin.hits('/keyed/q').map((r) => r.url)).toEqual(['/keyed/q?a=1', '/keyed/q?a=2', '/keyed/q']);
  });

  it('§5.1 with all query strings, order matters', async () => {
    expect((await served('/all-query/q?a=1&b=2')).n).toBe(1);
    expect((await served('/all-query/q?a=1&b=2')).n).toBe(1);
    expect((await served('/all-query/q?b=2&a=1')).n).toBe(2);
    expect(origin.hits('/all-query/q').map((r) => r.url)).toEqual(['/all-query/q?a=1&b=2', '/all-query/q?b=2&a=1']);
  });

  it('§5.1 listed headers: names case-insensitive, values case-sensitive', async () => {
    expect((await served('/keyed/h', { 'x-variant': 'A' })).n).toBe(1);
    expect((await served('/keyed/h', { 'X-VARIANT': 'A' })).n).toBe(1);
    expect((await served('/keyed/h', { 'x-variant': 'a' })).n).toBe(2);
    expect((await served('/keyed/h')).n).toBe(3);
    expect(origin.hits('/keyed/h')[0]!.headers['x-variant']).toBe('A');
  });

  it('§5.1 listed cookies: others ignored, sorted by name, values case-sensitive', async () => {
    expect((await served('/keyed/c', { cookie: 'session=1; theme=dark; other=x' })).n).toBe(1);
    expect((await served('/keyed/c', { cookie: 'theme=dark; other=y; session=1' })).n).toBe(1);
    expect((await served('/keyed/c', { cookie: 'session=1; theme=Dark' })).n).toBe(2);
    // §5.1: only the listed cookies reach the origin.
    expect(origin.hits('/keyed/c')[0]!.headers.cookie).toBe('session=1; theme=dark');
  });

  it('§5.1 headers, cookies and query strings not in any policy do not reach the origin', async () => {
    await served('/plain?x=1', { cookie: 'session=1', 'x-variant': 'A', authorization: 'Bearer t', referer: 'http://r.example/' });
    const seen = origin.hits('/plain')[0]!;
    expect(seen.url).toBe('/plain');
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers['x-variant']).toBeUndefined();
    expect(seen.headers.authorization).toBeUndefined();
    expect(seen.headers.referer).toBeUndefined();
  });
});

describe('§5.3 Accept-Encoding normalisation', () => {
  it('§5.3 gzip + br: both → `br,gzip` to the origin and one key for every spelling', async () => {
    expect((await served('/ae/both', { 'accept-encoding': 'gzip, deflate, br' })).n).toBe(1);
    expect((await served('/ae/both', { 'accept-encoding': 'br;q=0.9, GZIP' })).n).toBe(1);
    expect(origin.hits('/ae/both')[0]!.headers['accept-encoding']).toBe('br,gzip');
  });

  it('§5.3 gzip + br: only gzip → `gzip`, a separate key', async () => {
    await served('/ae/split', { 'accept-encoding': 'gzip, br' });
    expect((await served('/ae/split', { 'accept-encoding': 'gzip' })).n).toBe(2);
    expect(origin.hits('/ae/split')[1]!.headers['accept-encoding']).toBe('gzip');
  });

  it('§5.3 neither token → `identity`, sharing the key of a viewer without the header; absent → not sent', async () => {
    expect((await served('/ae/identity', { 'accept-encoding': 'deflate' })).n).toBe(1);
    expect(origin.hits('/ae/identity')[0]!.headers['accept-encoding']).toBe('identity');
    expect((await served('/ae/identity')).n).toBe(1);
    await served('/ae/absent');
    expect(origin.hits('/ae/absent')[0]!.headers['accept-encoding']).toBeUndefined();
  });

  it('§5.3 gzip only: `gzip` even when the viewer also accepts br', async () => {
    await served('/gzip-only/x', { 'accept-encoding': 'br, gzip' });
    expect(origin.hits('/gzip-only/x')[0]!.headers['accept-encoding']).toBe('gzip');
    expect((await served('/gzip-only/x', { 'accept-encoding': 'gzip' })).n).toBe(1);
  });
});

describe('D31 HEAD and the GET entry', () => {
  it('D31 a HEAD is answered from the GET entry, with the entity\'s Content-Length', async () => {
    const get = await served('/head/from-get');
    const head = await rawRequest(`${edge.url}/head/from-get`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['x-cache']).toBe('Hit from cloudfront');
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(get.body)));
    expect(head.body).toBe('');
    expect(origin.hits('/head/from-get')).toHaveLength(1);
  });

  it('D31 a HEAD miss is forwarded as HEAD and stored for HEADs only', async () => {
    const first = await rawRequest(`${edge.url}/head/miss`, { method: 'HEAD' });
    expect(first.headers['x-cache']).toBe('Miss from cloudfront');
    const second = await rawRequest(`${edge.url}/head/miss`, { method: 'HEAD' });
    expect(second.headers['x-cache']).toBe('Hit from cloudfront');
    const get = await served('/head/miss');
    expect(get.headers['x-cache']).toBe('Miss from cloudfront');
    expect(get.body).toBe('/head/miss #2');
    expect(origin.hits('/head/miss').map((r) => r.method)).toEqual(['HEAD', 'GET']);
  });
});

describe('D38 viewer conditional requests on a hit', () => {
  const validators = { etag: '"v1"', 'last-modified': 'Wed, 01 Jan 2025 00:00:00 GMT', 'cache-control': 'max-age=300' };

  it('D38 a matching If-None-Match → 304 from the edge; a different tag → 200', async () => {
    origin.scripts.set('/cond/etag', { headers: validators });
    await served('/cond/etag');
    const match = await served('/cond/etag', { 'if-none-match': '"v1"' });
    expect(match.status).toBe(304);
    expect(match.headers['x-cache']).toBe('Hit from cloudfront');
    expect(match.headers.etag).toBe('"v1"');
    expect(match.body).toBe('');
    const other = await served('/cond/etag', { 'if-none-match': '"v0"' });
    expect(other.status).toBe(200);
    expect(origin.hits('/cond/etag')).toHaveLength(1);
  });

  it('D38 If-Modified-Since at or after Last-Modified → 304; before → 200', async () => {
    origin.scripts.set('/cond/date', { headers: validators });
    await served('/cond/date');
    expect((await served('/cond/date', { 'if-modified-since': 'Thu, 02 Jan 2025 00:00:00 GMT' })).status).toBe(304);
    expect((await served('/cond/date', { 'if-modified-since': 'Tue, 31 Dec 2024 00:00:00 GMT' })).status).toBe(200);
  });
});

describe('D36 Set-Cookie', () => {
  const cookieScript = { headers: { 'cache-control': 'max-age=300', 'set-cookie': ['id=42; Path=/', 'theme=dark'] } };

  it('D36 stripped on the miss and the hit when cookies are not forwarded', async () => {
    origin.scripts.set('/set-cookie', cookieScript);
    const miss = await served('/set-cookie');
    const hit = await served('/set-cookie');
    expect(miss.headers['set-cookie']).toBeUndefined();
    expect(hit.headers['set-cookie']).toBeUndefined();
  });

  it('D36 kept (and stored with the object) when the cache policy forwards cookies', async () => {
    origin.scripts.set('/cookies-in-key/x', cookieScript);
    await served('/cookies-in-key/x');
    const hit = await served('/cookies-in-key/x');
    expect(hit.headers['x-cache']).toBe('Hit from cloudfront');
    expect(hit.headers['set-cookie']).toEqual(['id=42; Path=/', 'theme=dark']);
  });

  it('D36 kept when only the origin request policy forwards cookies', async () => {
    origin.scripts.set('/cookies-to-origin/x', cookieScript);
    const miss = await served('/cookies-to-origin/x', { cookie: 'a=1' });
    expect(miss.headers['set-cookie']).toEqual(['id=42; Path=/', 'theme=dark']);
    expect(origin.hits('/cookies-to-origin/x')[0]!.headers.cookie).toBe('a=1');
  });
});

describe('§2.4 which request the key comes from', () => {
  let rewriting: TestEdge;

  beforeAll(async () => {
    rewriting = await startEdge({
      originMap: { origin: origin.url },
      cachePolicies: { [ALL_QUERY]: cachePolicy(TTL, { queryStrings: 'all' }) },
      handlers: {
        // Normalises `lang=fr-FR` to `lang=fr` before the key is computed.
        vreq: `export const handler = async (event) => {
          const request = event.Records[0].cf.request;
          request.querystring = request.querystring.replace(/lang=([a-z]+)-[A-Z]+/, 'lang=$1');
          return request;
        };`,
        // Adds a parameter after the key is computed.
        oreq: `export const handler = async (event) => {
          const request = event.Records[0].cf.request;
          request.querystring = request.querystring ? request.querystring + '&v=' + Math.random() : 'v=' + Math.random();
          return request;
        };`,
      },
      behaviors: [
        { path: '/vreq-key/*', cachePolicyId: ALL_QUERY, lambdas: { 'viewer-request': arn('vreq') } },
        { path: '/oreq-key/*', cachePolicyId: ALL_QUERY, lambdas: { 'origin-request': arn('oreq') } },
      ],
    });
  });

  afterAll(async () => {
    await rewriting?.close();
  });

  const n = async (path: string) => Number((await (await rewriting.get(path)).text()).split('#')[1]);

  it('§2.4 viewer-request changes to key inputs change the key', async () => {
    expect(await n('/vreq-key/page?lang=fr-FR')).toBe(1);
    expect(await n('/vreq-key/page?lang=fr')).toBe(1);
    expect(await n('/vreq-key/page?lang=de')).toBe(2);
    expect(origin.hits('/vreq-key/page')[0]!.url).toBe('/vreq-key/page?lang=fr');
  });

  it('§2.4 origin-request changes never change the key', async () => {
    expect(await n('/oreq-key/page?a=1')).toBe(1);
    expect(await n('/oreq-key/page?a=1')).toBe(1);
    expect(origin.hits('/oreq-key/page')[0]!.url).toMatch(/^\/oreq-key\/page\?a=1&v=0\.\d+$/);
  });
});
