import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { arn, startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';

// Each handler marks what it saw, so the response shows which stages ran; the Lambda logs count invocations.
const handlers = {
  vreq: `export const handler = async (event) => {
    const request = event.Records[0].cf.request;
    if (request.uri === '/vreq-generated') return { status: '200', body: 'made by viewer-request' };
    if (request.uri === '/vreq-throws') throw new Error('boom');
    return request;
  };`,
  oreq: `export const handler = async (event) => {
    const request = event.Records[0].cf.request;
    if (request.uri === '/oreq-generated') return { status: 200, headers: { 'cache-control': [{ value: 'max-age=300' }] }, body: 'made by origin-request' };
    if (request.uri === '/oreq-generated-403') return { status: '403', body: 'denied by origin-request' };
    return request;
  };`,
  ores: `export const handler = async (event) => {
    const { request, response } = event.Records[0].cf;
    response.headers['x-origin-response'] = [{ key: 'X-Origin-Response', value: 'ran' }];
    if (request.uri === '/rewrite-404' && response.status === '404') { response.status = 200; response.statusDescription = 'OK'; }
    return response;
  };`,
  vres: `export const handler = async (event) => {
    const { config, response } = event.Records[0].cf;
    response.headers['x-viewer-response'] = [{ key: 'X-Viewer-Response', value: config.requestId }];
    return response;
  };`,
};

let origin: TestOrigin;
let edge: TestEdge;

beforeAll(async () => {
  origin = await startOrigin((req, res) => {
    const path = req.url.split('?')[0];
    if (path === '/missing' || path === '/rewrite-404') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not here');
    }
    if (path === '/etag') {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"', 'cache-control': 'max-age=1' });
        return res.end();
      }
      res.writeHead(200, { etag: '"v1"', 'cache-control': 'max-age=1', 'content-type': 'text/plain' });
      return res.end('validated body');
    }
    res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'max-age=300' });
    res.end(`origin says ${path}`);
  });
  edge = await startEdge({
    origins: ['origin', 'dead'],
    handlers,
    originMap: { origin: origin.url, dead: 'http://127.0.0.1:9' },
    defaultBehavior: {
      lambdas: { 'viewer-request': arn('vreq'), 'origin-request': arn('oreq'), 'origin-response': arn('ores'), 'viewer-response': arn('vres') },
    },
    behaviors: [
      {
        path: '/dead/*',
        origin: 'dead',
        lambdas: { 'viewer-request': arn('vreq'), 'origin-request': arn('oreq'), 'origin-response': arn('ores'), 'viewer-response': arn('vres') },
      },
    ],
  });
});

afterAll(async () => {
  await edge?.close();
  await origin?.close();
});

function counts() {
  return { vreq: edge.invocations('vreq'), oreq: edge.invocations('oreq'), ores: edge.invocations('ores'), vres: edge.invocations('vres') };
}

function ran(before: ReturnType<typeof counts>) {
  const after = counts();
  return Object.fromEntries(Object.entries(after).map(([name, n]) => [name, n - before[name as keyof typeof before]]));
}

describe('§2.2 which triggers run', () => {
  it('§2.2 miss runs all four; the fresh hit runs only the viewer triggers, with Age', async () => {
    let before = counts();
    const miss = await edge.get('/page');
    expect(miss.status).toBe(200);
    expect(miss.headers.get('x-cache')).toBe('Miss from cloudfront');
    expect(miss.headers.get('x-origin-response')).toBe('ran');
    expect(await miss.text()).toBe('origin says /page');
    expect(ran(before)).toEqual({ vreq: 1, oreq: 1, ores: 1, vres: 1 });

    before = counts();
    const hit = await edge.get('/page');
    expect(hit.headers.get('x-cache')).toBe('Hit from cloudfront');
    expect(hit.headers.get('age')).toMatch(/^\d+$/);
    // §2.4: what origin-response changed is what was cached.
    expect(hit.headers.get('x-origin-response')).toBe('ran');
    expect(ran(before)).toEqual({ vreq: 1, oreq: 0, ores: 0, vres: 1 });
  });

  it('§1.2 one request id in every event and in X-Amz-Cf-Id', async () => {
    const response = await edge.get('/request-id');
    const id = response.headers.get('x-amz-cf-id');
    expect(id).toMatch(/^[A-Za-z0-9_-]{54}==$/);
    expect(response.headers.get('x-viewer-response')).toBe(id);
  });

  it('§2.2 D15 origin ≥ 400: viewer-response is skipped on the miss and on the cached error', async () => {
    let before = counts();
    const miss = await edge.get('/missing');
    expect(miss.status).toBe(404);
    expect(miss.headers.get('x-cache')).toBe('Error from cloudfront');
    expect(ran(before)).toEqual({ vreq: 1, oreq: 1, ores: 1, vres: 0 });
    before = counts();
    const cached = await edge.get('/missing');
    expect(cached.status).toBe(404);
    expect(cached.headers.get('x-cache')).toBe('Error from cloudfront');
    expect(ran(before)).toEqual({ vreq: 1, oreq: 0, ores: 0, vres: 0 });
  });

  it('§2.2 D15 origin-response rewrote a 404 to 200: viewer-response runs', async () => {
    const before = counts();
    const response = await edge.get('/rewrite-404');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-cache')).toBe('Miss from cloudfront');
    expect(ran(before)).toEqual({ vreq: 1, oreq: 1, ores: 1, vres: 1 });
  });

  it('§2.3 a viewer-request response is sent at once, never cached, no other trigger runs', async () => {
    for (let i = 0; i < 2; i++) {
      const before = counts();
      const response = await edge.get('/vreq-generated');
      expect(response.status).toBe(200);
      expect(response.headers.get('x-cache')).toBe('LambdaGeneratedResponse from cloudfront');
      expect(response.headers.get('server')).toBe('CloudFront');
      expect(await response.text()).toBe('made by viewer-request');
      expect(ran(before)).toEqual({ vreq: 1, oreq: 0, ores: 0, vres: 0 });
    }
  });

  it('§2.3 D16 an origin-request response is cached; origin-response never runs; viewer-response runs', async () => {
    let before = counts();
    const first = await edge.get('/oreq-generated');
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('LambdaGeneratedResponse from cloudfront');
    expect(ran(before)).toEqual({ vreq: 1, oreq: 1, ores: 0, vres: 1 });
    before = counts();
    const second = await edge.get('/oreq-generated');
    expect(second.headers.get('x-cache')).toBe('Hit from cloudfront');
    expect(second.headers.get('age')).not.toBeNull();
    expect(await second.text()).toBe('made by origin-request');
    expect(ran(before)).toEqual({ vreq: 1, oreq: 0, ores: 0, vres: 1 });
  });

  it('§2.2 an origin-request response ≥ 400 skips viewer-response', async () => {
    const before = counts();
    const response = await edge.get('/oreq-generated-403');
    expect(response.status).toBe(403);
    expect(ran(before)).toEqual({ vreq: 1, oreq: 1, ores: 0, vres: 0 });
  });

  it('§2.2 D18 origin unreachable: 502 Error, origin-response and viewer-response do not run', async () => {
    const before = counts();
    const response = await edge.get('/dead/x');
    expect(response.status).toBe(502);
    expect(response.headers.get('x-cache')).toBe('Error from cloudfront');
    expect(await response.text()).toContain('CloudFront attempted to establish a connection with the origin');
    expect(ran(before)).toEqual({ vreq: 1, oreq: 1, ores: 0, vres: 0 });
  });

  it('§3.8 a throwing viewer-request: 503 LambdaExecutionError, no later stage, not cached', async () => {
    for (let i = 0; i < 2; i++) {
      const before = counts();
      const response = await edge.get('/vreq-throws');
      expect(response.status).toBe(503);
      expect(response.headers.get('x-cache')).toBe('LambdaExecutionError from cloudfront');
      expect(await response.text()).toContain("The Lambda function associated with the CloudFront distribution is invalid or doesn't have the required permissions.");
      expect(ran(before)).toEqual({ vreq: 1, oreq: 0, ores: 0, vres: 0 });
    }
  });

  it('§5.10 D17 an expired entry revalidated with 304 is a RefreshHit; origin-response does not run', async () => {
    await edge.get('/etag');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const before = counts();
    const response = await edge.get('/etag');
    expect(response.headers.get('x-cache')).toBe('RefreshHit from cloudfront');
    expect(await response.text()).toBe('validated body');
    expect(origin.requests.at(-1)!.headers['if-none-match']).toBe('"v1"');
    expect(ran(before)).toEqual({ vreq: 1, oreq: 1, ores: 0, vres: 1 });
  });
});
