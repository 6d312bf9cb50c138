import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arn, startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';
import { sleep, startScriptedOrigin } from './helpers/scripted-origin.js';
import type { ScriptedOrigin } from './helpers/scripted-origin.js';

const mark = (name: string, stage: 'request' | 'response') =>
  stage === 'request'
    ? `export const handler = async (event) => {
        const request = event.Records[0].cf.request;
        if (request.uri === '/throws') throw new Error('boom');
        return request;
      };`
    : `export const handler = async (event) => {
        const response = event.Records[0].cf.response;
        response.headers['x-${name}'] = [{ key: 'X-${name}', value: 'ran' }];
        return response;
      };`;

let origin: ScriptedOrigin;
let edge: TestEdge;

beforeAll(async () => {
  origin = await startScriptedOrigin();
  origin.scripts.set('/errors/404.html', { headers: { 'cache-control': 'max-age=300', 'content-type': 'text/html' }, body: 'custom not found' });
  origin.scripts.set('/errors/500.html', { headers: { 'cache-control': 'max-age=300', 'set-cookie': 'tracking=1' }, body: 'custom server error' });
  origin.scripts.set('/errors/502.html', { headers: { 'cache-control': 'max-age=300' }, body: 'custom bad gateway' });
  origin.scripts.set('/errors/503.html', { headers: { 'cache-control': 'max-age=300' }, body: 'custom unavailable' });
  origin.scripts.set('/errors/missing-page.html', { status: 404, headers: {}, body: 'page gone' });
  const viewer = { 'viewer-request': arn('vreq'), 'viewer-response': arn('vres') };
  edge = await startEdge({
    origins: ['origin', 'dead'],
    originMap: { origin: origin.url, dead: 'http://127.0.0.1:9' },
    originOptions: { dead: { connectionAttempts: 1, connectionTimeout: 1 } },
    handlers: {
      vreq: mark('vreq', 'request'),
      vres: mark('vres', 'response'),
      'page-vreq': mark('page-vreq', 'request'),
      'page-vres': mark('page-vres', 'response'),
      'page-oreq': mark('page-oreq', 'request'),
      'page-ores': mark('page-ores', 'response'),
    },
    defaultBehavior: { lambdas: viewer },
    behaviors: [
      {
        path: '/errors/*',
        lambdas: {
          'viewer-request': arn('page-vreq'),
          'origin-request': arn('page-oreq'),
          'origin-response': arn('page-ores'),
          'viewer-response': arn('page-vres'),
        },
      },
      { path: '/dead/*', origin: 'dead', lambdas: viewer },
      { path: '/broken-page/*', lambdas: viewer },
    ],
    customErrorResponses: [
      { ErrorCode: 404, ResponsePagePath: '/errors/404.html', ResponseCode: '200', ErrorCachingMinTTL: 1 },
      { ErrorCode: 500, ResponsePagePath: '/errors/500.html' },
      { ErrorCode: 502, ResponsePagePath: '/errors/502.html', ResponseCode: '502' },
      { ErrorCode: 503, ResponsePagePath: '/errors/503.html', ResponseCode: '503' },
      { ErrorCode: 501, ResponsePagePath: '/errors/missing-page.html', ResponseCode: '200' },
    ],
  });
});

afterAll(async () => {
  await edge?.close();
  await origin?.close();
});

const NAMES = ['vreq', 'vres', 'page-vreq', 'page-vres', 'page-oreq', 'page-ores'] as const;
const counts = () => Object.fromEntries(NAMES.map((name) => [name, edge.invocations(name)]));
const ran = (before: Record<string, number>) => Object.fromEntries(NAMES.map((name) => [name, edge.invocations(name) - before[name]!]));

describe('§7.5 D19 custom error responses', () => {
  it('§7.5 the page replaces the error with ResponseCode; X-Cache stays Error; viewer-response does not run', async () => {
    origin.scripts.set('/missing/a', { status: 404, headers: {}, body: 'plain not found' });
    const before = counts();
    const response = await edge.get('/missing/a');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-cache')).toBe('Error from cloudfront');
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toBe('custom not found #1');
    expect(response.headers.get('x-vres')).toBeNull();
    // D19: the page is fetched through its own behavior: origin functions on the miss, no viewer functions.
    expect(response.headers.get('x-page-ores')).toBe('ran');
    expect(ran(before)).toEqual({ vreq: 1, vres: 0, 'page-vreq': 0, 'page-vres': 0, 'page-oreq': 1, 'page-ores': 1 });
  });

  it('§7.5 D36 the page goes through the same origin-response handling: Set-Cookie is removed when cookies are not forwarded', async () => {
    origin.scripts.set('/missing/cookie', { status: 500, headers: {} });
    const response = await edge.get('/missing/cookie');
    expect(response.status).toBe(500);
    expect(await response.text()).toMatch(/^custom server error/);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('§7.5 the page is cached: a second error uses it without another page fetch', async () => {
    origin.scripts.set('/missing/b', { status: 404, headers: {} });
    await edge.get('/missing/a');
    const before = counts();
    const response = await edge.get('/missing/b');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('custom not found #1');
    expect(origin.hits('/errors/404.html')).toHaveLength(1);
    expect(ran(before)).toEqual({ vreq: 1, vres: 0, 'page-vreq': 0, 'page-vres': 0, 'page-oreq': 0, 'page-ores': 0 });
  });

  it('§5.8 ErrorCachingMinTTL decides how long the error is cached', async () => {
    origin.scripts.set('/missing/ttl', { status: 404, headers: {} });
    await edge.get('/missing/ttl');
    await edge.get('/missing/ttl');
    expect(origin.hits('/missing/ttl')).toHaveLength(1);
    await sleep(1100);
    await edge.get('/missing/ttl');
    expect(origin.hits('/missing/ttl')).toHaveLength(2);
  });

  it('§7.5 without ResponseCode the original status is kept', async () => {
    origin.scripts.set('/crash', { status: 500, headers: {} });
    const response = await edge.get('/crash');
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('custom server error #1');
  });

  it('§7.5 an unreachable origin\'s 502 gets the page too', async () => {
    const response = await edge.get('/dead/x');
    expect(response.status).toBe(502);
    expect(response.headers.get('x-cache')).toBe('Error from cloudfront');
    expect(await response.text()).toBe('custom bad gateway #1');
  });

  it('§7.5 a page that cannot be fetched: the viewer gets the page fetch\'s status', async () => {
    origin.scripts.set('/broken-page/x', { status: 501, headers: {} });
    const response = await edge.get('/broken-page/x');
    // The page answered 404: that, not the 501 nor the ResponseCode 200, reaches the viewer.
    expect(response.status).toBe(404);
    expect(response.headers.get('x-cache')).toBe('Error from cloudfront');
    expect(await response.text()).toContain('page gone');
  });

  it('§7.5 D22 function errors never use custom error pages', async () => {
    const response = await edge.get('/throws');
    expect(response.status).toBe(503);
    expect(response.headers.get('x-cache')).toBe('LambdaExecutionError from cloudfront');
    expect(await response.text()).toContain('<H1>503 ERROR</H1>');
    expect(origin.hits('/errors/503.html')).toHaveLength(0);
  });
});
