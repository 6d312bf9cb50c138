import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';
import { cachePolicy, startScriptedOrigin } from './helpers/scripted-origin.js';
import type { ScriptedOrigin } from './helpers/scripted-origin.js';

const DEVICE = 'dddddddd-0000-4000-8000-000000000001';
const PROTO = 'dddddddd-0000-4000-8000-000000000002';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148';
const DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36';
const TTL = { min: 1, default: 86400, max: 31536000 };

let origin: ScriptedOrigin;
let edge: TestEdge;

beforeAll(async () => {
  origin = await startScriptedOrigin();
  edge = await startEdge({
    originMap: { origin: origin.url },
    cachePolicies: {
      [DEVICE]: cachePolicy(TTL, { headers: ['CloudFront-Is-Mobile-Viewer', 'CloudFront-Is-Desktop-Viewer'] }),
      [PROTO]: cachePolicy(TTL, { headers: ['CloudFront-Forwarded-Proto', 'CloudFront-Viewer-Country'] }),
    },
    behaviors: [
      { path: '/device/*', cachePolicyId: DEVICE },
      { path: '/proto/*', cachePolicyId: PROTO },
    ],
  });
});

afterAll(async () => {
  await edge?.close();
  await origin?.close();
});

const served = async (path: string, headers: Record<string, string>) => {
  const response = await edge.get(path, { headers });
  return { cache: response.headers.get('x-cache'), n: Number((await response.text()).split('#')[1]) };
};

describe('§6.3 CloudFront-* headers in the cache key are CloudFront values', () => {
  it('§6.3 a desktop viewer does not get the cached iPhone object', async () => {
    const iphone = await served('/device/page', { 'user-agent': IPHONE });
    const desktop = await served('/device/page', { 'user-agent': DESKTOP });
    expect(desktop.cache).toBe('Miss from cloudfront');
    expect(desktop.n).not.toBe(iphone.n);
    expect((await served('/device/page', { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 16_0) Mobile' })).n).toBe(iphone.n);
  });

  it("§6.3 a viewer's own CloudFront-Is-* headers neither split nor merge entries", async () => {
    const first = await served('/device/spoof', { 'user-agent': DESKTOP });
    const spoofed = await served('/device/spoof', { 'user-agent': DESKTOP, 'cloudfront-is-mobile-viewer': 'true', 'cloudfront-is-desktop-viewer': 'false' });
    expect(spoofed).toEqual({ cache: 'Hit from cloudfront', n: first.n });
    const mobile = await served('/device/spoof', { 'user-agent': IPHONE, 'cloudfront-is-desktop-viewer': 'true', 'cloudfront-is-mobile-viewer': 'false' });
    expect(mobile.n).not.toBe(first.n);
  });

  it('§6.3 CloudFront-Forwarded-Proto and CloudFront-Viewer-Country sent by the viewer are ignored', async () => {
    const first = await served('/proto/a', {});
    expect(await served('/proto/a', { 'cloudfront-forwarded-proto': 'ftp', 'cloudfront-viewer-country': 'ZZ' })).toEqual({ cache: 'Hit from cloudfront', n: first.n });
    const seen = origin.hits('/proto/a')[0]!.headers;
    expect(seen['cloudfront-forwarded-proto']).toBe('https');
    expect(seen['cloudfront-viewer-country']).toBe('US');
  });
});
