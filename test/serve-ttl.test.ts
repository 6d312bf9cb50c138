import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHING_DISABLED } from './helpers/distribution.js';
import { startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';
import { cachePolicy, sleep, startScriptedOrigin } from './helpers/scripted-origin.js';
import type { ScriptedOrigin } from './helpers/scripted-origin.js';

// Small custom TTLs so expiry can be observed after ~1 s (§5.6 examples use the same shapes).
const DEFAULT_1S = 'aaaaaaaa-0000-4000-8000-000000000001'; // 0 / 1 / 3600
const MIN_30S = 'aaaaaaaa-0000-4000-8000-000000000002'; // 30 / 86400 / 31536000
const MAX_1S = 'aaaaaaaa-0000-4000-8000-000000000003'; // 0 / 1 / 1
const PAST_EXPIRY_MS = 1100;

let origin: ScriptedOrigin;
let edge: TestEdge;

beforeAll(async () => {
  origin = await startScriptedOrigin();
  edge = await startEdge({
    originMap: { origin: origin.url },
    cachePolicies: {
      [DEFAULT_1S]: cachePolicy({ min: 0, default: 1, max: 3600 }),
      [MIN_30S]: cachePolicy({ min: 30, default: 86400, max: 31536000 }),
      [MAX_1S]: cachePolicy({ min: 0, default: 1, max: 1 }),
    },
    behaviors: [
      { path: '/short/*', cachePolicyId: DEFAULT_1S },
      { path: '/min30/*', cachePolicyId: MIN_30S },
      { path: '/max1/*', cachePolicyId: MAX_1S },
      { path: '/disabled/*', cachePolicyId: CACHING_DISABLED },
      {
        path: '/all-headers/*',
        // §5.2: legacy ForwardedValues with Headers = * (MinTTL must be 0).
        legacy: {
          ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' }, Headers: { Quantity: 1, Items: ['*'] }, QueryStringCacheKeys: { Quantity: 0 } },
          MinTTL: 0,
          DefaultTTL: 86400,
          MaxTTL: 31536000,
        },
      },
    ],
  });
});

afterAll(async () => {
  await edge?.close();
  await origin?.close();
});

async function get(path: string, init?: RequestInit) {
  const response = await edge.get(path, init);
  return { status: response.status, xCache: response.headers.get('x-cache'), age: response.headers.get('age'), body: await response.text() };
}

describe.concurrent('§5.6 TTL through the proxy', () => {
  it('§5.6 s-maxage wins over max-age', async () => {
    origin.scripts.set('/short/s-maxage', { headers: { 'cache-control': 'max-age=600, s-maxage=1' } });
    expect((await get('/short/s-maxage')).xCache).toBe('Miss from cloudfront');
    expect((await get('/short/s-maxage')).xCache).toBe('Hit from cloudfront');
    await sleep(PAST_EXPIRY_MS);
    expect((await get('/short/s-maxage')).xCache).toBe('Miss from cloudfront');
    expect(origin.hits('/short/s-maxage')).toHaveLength(2);
  });

  it('§5.6 max-age wins over Expires', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000).toUTCString();
    origin.scripts.set('/short/max-age-and-expires', { headers: { 'cache-control': 'max-age=1', expires: inAnHour } });
    await get('/short/max-age-and-expires');
    expect((await get('/short/max-age-and-expires')).xCache).toBe('Hit from cloudfront');
    await sleep(PAST_EXPIRY_MS);
    expect((await get('/short/max-age-and-expires')).xCache).toBe('Miss from cloudfront');
  });

  it('§5.6 Expires alone sets the TTL (future: cached; past: not stored with MinTTL 0)', async () => {
    origin.scripts.set('/short/expires-future', { headers: { expires: new Date(Date.now() + 3_600_000).toUTCString() } });
    origin.scripts.set('/short/expires-past', { headers: { expires: new Date(Date.now() - 3_600_000).toUTCString() } });
    await get('/short/expires-future');
    await get('/short/expires-past');
    await sleep(PAST_EXPIRY_MS);
    // The DefaultTTL (1 s) would have expired by now: the hour from Expires is what counted.
    expect((await get('/short/expires-future')).xCache).toBe('Hit from cloudfront');
    expect((await get('/short/expires-past')).xCache).toBe('Miss from cloudfront');
  });

  it('§5.6 DefaultTTL applies when the origin is silent', async () => {
    origin.scripts.set('/short/silent', { headers: {} });
    origin.scripts.set('/silent', { headers: {} });
    await get('/short/silent');
    await get('/silent');
    expect((await get('/short/silent')).xCache).toBe('Hit from cloudfront');
    await sleep(PAST_EXPIRY_MS);
    // Custom policy DefaultTTL 1 s: expired; CachingOptimized DefaultTTL 86,400 s: still fresh.
    expect((await get('/short/silent')).xCache).toBe('Miss from cloudfront');
    expect((await get('/silent')).xCache).toBe('Hit from cloudfront');
  });

  it('§5.6 MaxTTL caps the origin\'s max-age', async () => {
    origin.scripts.set('/max1/long', { headers: { 'cache-control': 'max-age=3600' } });
    await get('/max1/long');
    expect((await get('/max1/long')).xCache).toBe('Hit from cloudfront');
    await sleep(PAST_EXPIRY_MS);
    expect((await get('/max1/long')).xCache).toBe('Miss from cloudfront');
  });

  it('§5.6 D34 no-store with MinTTL 0 is not served from cache', async () => {
    origin.scripts.set('/short/no-store', { headers: { 'cache-control': 'no-store' } });
    expect((await get('/short/no-store')).xCache).toBe('Miss from cloudfront');
    expect((await get('/short/no-store')).xCache).toBe('Miss from cloudfront');
    expect(origin.hits('/short/no-store')).toHaveLength(2);
  });

  it('§5.6 MinTTL > 0 caches no-store, no-cache and private, and raises a short max-age', async () => {
    for (const cc of ['no-store', 'no-cache', 'private', 'max-age=0']) {
      const path = `/min30/${cc.replace('=', '-')}`;
      origin.scripts.set(path, { headers: { 'cache-control': cc } });
      await get(path);
      const second = await get(path);
      expect(second.xCache, cc).toBe('Hit from cloudfront');
      expect(origin.hits(path), cc).toHaveLength(1);
    }
  });

  it('§5.4 CachingDisabled never caches, whatever the origin says', async () => {
    origin.scripts.set('/disabled/x', { headers: { 'cache-control': 'max-age=3600' } });
    for (let i = 1; i <= 2; i++) {
      const response = await get('/disabled/x');
      expect(response.xCache).toBe('Miss from cloudfront');
      expect(response.body).toBe(`/disabled/x #${i}`);
    }
  });

  it('§5.10 D37 Age: absent on the miss, whole seconds since stored on hits', async () => {
    origin.scripts.set('/age', { headers: { 'cache-control': 'max-age=300' } });
    const miss = await get('/age');
    expect(miss.age).toBeNull();
    expect((await get('/age')).age).toBe('0');
    await sleep(PAST_EXPIRY_MS);
    const later = await get('/age');
    expect(later.xCache).toBe('Hit from cloudfront');
    expect(Number(later.age)).toBeGreaterThanOrEqual(1);
  });
});

describe('§5.8 error caching', () => {
  it('§5.8 a 404 is cached without directives (ErrorCachingMinTTL)', async () => {
    origin.scripts.set('/err/404', { status: 404, headers: {} });
    const first = await get('/err/404');
    const second = await get('/err/404');
    expect([first.status, second.status]).toEqual([404, 404]);
    expect(second.xCache).toBe('Error from cloudfront');
    expect(second.age).toBe('0');
    expect(second.body).toBe('/err/404 #1');
    expect(origin.hits('/err/404')).toHaveLength(1);
  });

  it('§5.8 a 500 is cached without directives', async () => {
    origin.scripts.set('/err/500', { status: 500, headers: {} });
    await get('/err/500');
    expect((await get('/err/500')).body).toBe('/err/500 #1');
  });

  it('§5.8 a 403 is cached only when the origin sent max-age', async () => {
    origin.scripts.set('/err/403-plain', { status: 403, headers: {} });
    origin.scripts.set('/err/403-max-age', { status: 403, headers: { 'cache-control': 'max-age=60' } });
    await get('/err/403-plain');
    await get('/err/403-max-age');
    expect((await get('/err/403-plain')).body).toBe('/err/403-plain #2');
    const cached = await get('/err/403-max-age');
    expect(cached.body).toBe('/err/403-max-age #1');
    expect(cached.xCache).toBe('Error from cloudfront');
  });

  it('§5.8 a 416 is never cached, even with max-age', async () => {
    origin.scripts.set('/err/416', { status: 416, headers: { 'cache-control': 'max-age=60' } });
    await get('/err/416');
    expect((await get('/err/416')).body).toBe('/err/416 #2');
  });

  it('§5.8 CachingDisabled does not cache errors either', async () => {
    origin.scripts.set('/disabled/404', { status: 404, headers: {} });
    await get('/disabled/404');
    expect((await get('/disabled/404')).body).toBe('/disabled/404 #2');
  });
});

describe('§5.2 legacy settings', () => {
  it('§5.2 Headers = * forwards every header and caches nothing, whatever the origin says', async () => {
    origin.scripts.set('/all-headers/page', { headers: { 'cache-control': 'max-age=300' }, body: 'page' });
    expect((await get('/all-headers/page')).body).toBe('page #1');
    const second = await get('/all-headers/page');
    expect(second.xCache).toBe('Miss from cloudfront');
    expect(second.body).toBe('page #2');
  });
});

describe.concurrent('§5.9 stale content', () => {
  it('§5.9 D37 expired + origin 5xx: the stale copy is a Hit with a growing Age', async () => {
    origin.scripts.set('/short/stale-5xx', { headers: { 'cache-control': 'max-age=1' }, body: 'fresh' });
    await get('/short/stale-5xx');
    origin.scripts.set('/short/stale-5xx', { status: 503, headers: {}, body: 'down' });
    await sleep(PAST_EXPIRY_MS);
    const stale = await get('/short/stale-5xx');
    expect(stale.status).toBe(200);
    expect(stale.xCache).toBe('Hit from cloudfront');
    expect(stale.body).toBe('fresh #1');
    expect(Number(stale.age)).toBeGreaterThanOrEqual(1);
    expect(origin.hits('/short/stale-5xx')).toHaveLength(2);
  });

  it('§5.9 a stale copy served on an origin 5xx is kept for ErrorCachingMinTTL: the next request does not try the origin', async () => {
    origin.scripts.set('/short/stale-kept', { headers: { 'cache-control': 'max-age=1' }, body: 'fresh' });
    await get('/short/stale-kept');
    origin.scripts.set('/short/stale-kept', { status: 503, headers: {}, body: 'down' });
    await sleep(PAST_EXPIRY_MS);
    expect((await get('/short/stale-kept')).body).toBe('fresh #1');
    const again = await get('/short/stale-kept');
    expect(again.xCache).toBe('Hit from cloudfront');
    expect(again.body).toBe('fresh #1');
    expect(origin.hits('/short/stale-kept')).toHaveLength(2);
  });

  it('§5.9 stale-while-revalidate: the expired copy is served at once and refreshed in the background', async () => {
    origin.scripts.set('/short/swr', { headers: { 'cache-control': 'max-age=1, stale-while-revalidate=60' }, body: 'v' });
    await get('/short/swr');
    await sleep(PAST_EXPIRY_MS);
    const stale = await get('/short/swr');
    expect(stale.xCache).toBe('Hit from cloudfront');
    expect(stale.body).toBe('v #1');
    await sleep(200);
    expect(origin.hits('/short/swr')).toHaveLength(2);
    const refreshed = await get('/short/swr');
    expect(refreshed.xCache).toBe('Hit from cloudfront');
    expect(refreshed.body).toBe('v #2');
  });

  it('§5.9 expired + no response from the origin: the stale copy is served', async () => {
    origin.scripts.set('/short/stale-gone', { headers: { 'cache-control': 'max-age=1' }, body: 'fresh' });
    await get('/short/stale-gone');
    origin.scripts.set('/short/stale-gone', { destroy: true });
    await sleep(PAST_EXPIRY_MS);
    const stale = await get('/short/stale-gone');
    expect(stale.status).toBe(200);
    expect(stale.body).toBe('fresh #1');
  });

  it('§5.9 stale-if-error=0 forbids it: the 5xx reaches the viewer', async () => {
    origin.scripts.set('/short/no-stale', { headers: { 'cache-control': 'max-age=1, stale-if-error=0' }, body: 'fresh' });
    await get('/short/no-stale');
    origin.scripts.set('/short/no-stale', { status: 503, headers: {}, body: 'down' });
    await sleep(PAST_EXPIRY_MS);
    const response = await get('/short/no-stale');
    expect(response.status).toBe(503);
    expect(response.xCache).toBe('Error from cloudfront');
    expect(response.body).toBe('down #2');
  });

  it('§5.9 expired + origin 4xx: the 4xx is returned', async () => {
    origin.scripts.set('/short/stale-4xx', { headers: { 'cache-control': 'max-age=1' }, body: 'fresh' });
    await get('/short/stale-4xx');
    origin.scripts.set('/short/stale-4xx', { status: 404, headers: {}, body: 'gone' });
    await sleep(PAST_EXPIRY_MS);
    const response = await get('/short/stale-4xx');
    expect(response.status).toBe(404);
    expect(response.body).toBe('gone #2');
  });
});

describe('--no-cache', () => {
  it('cacheEnabled false: every request goes to the origin', async () => {
    const uncached = await startEdge({ originMap: { origin: origin.url }, cacheEnabled: false });
    try {
      origin.scripts.set('/no-cache', { headers: { 'cache-control': 'max-age=3600' } });
      for (let i = 1; i <= 2; i++) {
        const response = await uncached.get('/no-cache');
        expect(response.headers.get('x-cache')).toBe('Miss from cloudfront');
        expect(await response.text()).toBe(`/no-cache #${i}`);
      }
      origin.scripts.set('/no-cache-404', { status: 404, headers: {} });
      await uncached.get('/no-cache-404');
      expect(await (await uncached.get('/no-cache-404')).text()).toBe('/no-cache-404 #2');
    } finally {
      await uncached.close();
    }
  });
});
