import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_VIEWER, CACHING_DISABLED } from './helpers/distribution.js';
import { startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';
import { rawRequest } from './helpers/raw-request.js';
import { cachePolicy, startScriptedOrigin } from './helpers/scripted-origin.js';
import type { ScriptedOrigin } from './helpers/scripted-origin.js';

const MIN_0 = 'cccccccc-0000-4000-8000-000000000001';
// Long enough that the concurrent requests all arrive while the first is still at the origin.
const HOLD_MS = 500;

let origin: ScriptedOrigin;
let edge: TestEdge;

beforeAll(async () => {
  origin = await startScriptedOrigin();
  edge = await startEdge({
    originMap: { origin: origin.url },
    cachePolicies: { [MIN_0]: cachePolicy({ min: 0, default: 86400, max: 31536000 }) },
    behaviors: [
      { path: '/min0/*', cachePolicyId: MIN_0 },
      { path: '/disabled/*', cachePolicyId: CACHING_DISABLED },
      { path: '/cookies/*', originRequestPolicyId: ALL_VIEWER },
    ],
  });
});

afterAll(async () => {
  await edge?.close();
  await origin?.close();
});

async function concurrently(path: string, n = 3) {
  const responses = await Promise.all(Array.from({ length: n }, () => rawRequest(`${edge.url}${path}`)));
  return { xCache: responses.map((r) => r.headers['x-cache']).sort(), bodies: responses.map((r) => r.body) };
}

describe('§5.7 request collapsing', () => {
  it('§5.7 concurrent misses for one key wait for the first: one Miss, the others Hit, one origin request', async () => {
    origin.scripts.set('/popular', { headers: { 'cache-control': 'max-age=300' }, delayMs: HOLD_MS });
    const { xCache, bodies } = await concurrently('/popular');
    expect(xCache).toEqual(['Hit from cloudfront', 'Hit from cloudfront', 'Miss from cloudfront']);
    expect(bodies).toEqual(['/popular #1', '/popular #1', '/popular #1']);
    expect(origin.hits('/popular')).toHaveLength(1);
  });

  it('§5.7 a cached error is shared the same way', async () => {
    origin.scripts.set('/popular-404', { status: 404, headers: {}, delayMs: HOLD_MS });
    const { xCache } = await concurrently('/popular-404');
    expect(xCache).toEqual(['Error from cloudfront', 'Error from cloudfront', 'Error from cloudfront']);
    expect(origin.hits('/popular-404')).toHaveLength(1);
  });

  it('§5.7 not with MinTTL 0 and no-store: every request reaches the origin', async () => {
    origin.scripts.set('/min0/private', { headers: { 'cache-control': 'no-store' }, delayMs: HOLD_MS });
    const { xCache } = await concurrently('/min0/private');
    expect(xCache).toEqual(['Miss from cloudfront', 'Miss from cloudfront', 'Miss from cloudfront']);
    expect(origin.hits('/min0/private')).toHaveLength(3);
  });

  it('§5.7 not with CachingDisabled', async () => {
    origin.scripts.set('/disabled/x', { headers: { 'cache-control': 'max-age=300' }, delayMs: HOLD_MS });
    await concurrently('/disabled/x');
    expect(origin.hits('/disabled/x')).toHaveLength(3);
  });

  it('§5.7 not when cookies are forwarded', async () => {
    origin.scripts.set('/cookies/x', { headers: { 'cache-control': 'max-age=300' }, delayMs: HOLD_MS });
    await concurrently('/cookies/x');
    expect(origin.hits('/cookies/x')).toHaveLength(3);
  });
});
