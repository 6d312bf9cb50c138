import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arn, startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';
import { startScriptedOrigin } from './helpers/scripted-origin.js';
import type { ScriptedOrigin } from './helpers/scripted-origin.js';

let origin: ScriptedOrigin;
const edges: TestEdge[] = [];
const geo = (type: string, items: string[]) => ({ Restrictions: { GeoRestriction: { RestrictionType: type, Quantity: items.length, Items: items } } });

async function edgeIn(country: string, restriction: Record<string, unknown>, customErrorPage = false): Promise<TestEdge> {
  const edge = await startEdge({
    originMap: { origin: origin.url },
    settings: { geo: { 'cloudfront-viewer-country': country } },
    extra: restriction,
    defaultBehavior: { lambdas: { 'viewer-request': arn('count') } },
    handlers: { count: 'export const handler = async (event) => event.Records[0].cf.request;' },
    behaviors: [{ path: '/errors/*' }],
    customErrorResponses: customErrorPage ? [{ ErrorCode: 403, ResponsePagePath: '/errors/blocked.html', ResponseCode: '403', ErrorCachingMinTTL: 10 }] : [],
  });
  edges.push(edge);
  return edge;
}

beforeAll(async () => {
  origin = await startScriptedOrigin();
  origin.scripts.set('/errors/blocked.html', { headers: { 'cache-control': 'max-age=60' }, body: 'not in your country' });
});

afterAll(async () => {
  await Promise.all(edges.map((edge) => edge.close()));
  await origin?.close();
});

describe('issue 11 geo restriction (dg:georestrictions)', () => {
  it('issue 11 a country outside the allow list gets CloudFront 403 and no function runs', async () => {
    const edge = await edgeIn('FR', geo('whitelist', ['US', 'CA']));
    const response = await edge.get('/page');
    expect(response.status).toBe(403);
    expect(response.headers.get('x-cache')).toBe('Error from cloudfront');
    expect(await response.text()).toContain('The Amazon CloudFront distribution is configured to block access from your country.');
    expect(edge.invocations('count')).toBe(0);
  });

  it('issue 11 a country on the block list is refused; others are served', async () => {
    expect((await (await edgeIn('CN', geo('blacklist', ['CN']))).get('/page')).status).toBe(403);
    expect((await (await edgeIn('US', geo('blacklist', ['CN']))).get('/page')).status).toBe(200);
    expect((await (await edgeIn('US', geo('whitelist', ['US']))).get('/page')).status).toBe(200);
  });

  it('issue 11 the custom error page for 403 applies to a geo block', async () => {
    const edge = await edgeIn('FR', geo('whitelist', ['US']), true);
    const response = await edge.get('/page');
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/^not in your country/);
  });
});
