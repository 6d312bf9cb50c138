import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { arn, functionArn, startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';

// CloudFront Functions through a real in-process `serve` (reference §9, §2.1–§2.3).
const rewrite = `function handler(event) {
  var request = event.request;
  if (request.uri === '/throws') throw new Error('boom');
  if (request.uri === '/spin') { while (true) {} }
  if (request.uri === '/bad-host') { request.headers.host = { value: 'evil.example' }; return request; }
  if (request.uri.endsWith('/')) request.uri += 'index.html';
  request.headers['x-cff'] = { value: 'viewer-request' };
  return request;
}`;
const redirect = `import cf from 'cloudfront';
const kvs = cf.kvs();
async function handler(event) {
  const target = await kvs.exists(event.request.uri) ? await kvs.get(event.request.uri) : null;
  if (!target) return event.request;
  return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: target } } };
}`;
const headers = `function handler(event) {
  var response = event.response;
  response.headers['strict-transport-security'] = { value: 'max-age=63072000' };
  if (event.request.uri === '/replace') response.body = { encoding: 'text', data: 'replaced by the function' };
  return response;
}`;
const originRequest = `export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.headers['x-seen-by-origin-request'] = [{ value: request.uri + ' ' + (request.headers['x-cff'] ? request.headers['x-cff'][0].value : '-') }];
  return request;
};`;

let origin: TestOrigin;
let edge: TestEdge;

beforeAll(async () => {
  origin = await startOrigin((req, res) => {
    const path = req.url.split('?')[0];
    if (path === '/missing') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not here');
    }
    res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'max-age=60' });
    res.end(`origin saw ${req.url} ${String(req.headers['x-cff'] ?? '-')} ${String(req.headers['x-seen-by-origin-request'] ?? '-')}`);
  });
  edge = await startEdge({
    originMap: { origin: origin.url },
    handlers: { oreq: originRequest },
    cloudFrontFunctions: {
      rewrite: { code: rewrite, runtime: 'cloudfront-js-1.0' },
      redirect: { code: redirect, keyValueStore: { '/old': '/new' } },
      headers: { code: headers },
    },
    behaviors: [{ path: '/old', cloudFrontFunctions: { 'viewer-request': functionArn('redirect') } }],
    defaultBehavior: {
      cloudFrontFunctions: { 'viewer-request': functionArn('rewrite'), 'viewer-response': functionArn('headers') },
      lambdas: { 'origin-request': arn('oreq') },
    },
  });
});

afterAll(async () => {
  await edge?.close();
  await origin?.close();
});

describe('CloudFront Functions in serve', () => {
  it('§9 viewer-request output feeds the cache key and the origin request, before Lambda@Edge origin-request (§2.1)', async () => {
    const response = await edge.get('/docs/');
    // origin-request ran after the function and saw its URI; its header is not forwarded under CachingOptimized (§1.5, §5.1).
    expect(await response.text()).toBe('origin saw /docs/index.html - /docs/index.html -');
    expect(response.headers.get('x-cache')).toBe('Miss from cloudfront');
    // The same object under the rewritten key: a hit.
    const again = await edge.get('/docs/index.html');
    expect(again.headers.get('x-cache')).toBe('Hit from cloudfront');
  });

  it('§9 viewer-response adds headers and may replace the body', async () => {
    const response = await edge.get('/page');
    expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000');
    const replaced = await edge.get('/replace');
    expect(await replaced.text()).toBe('replaced by the function');
    expect(replaced.headers.get('content-length')).toBe(String('replaced by the function'.length));
  });

  it('§2.2 viewer-response does not run when the origin answered ≥ 400', async () => {
    const response = await edge.get('/missing');
    expect(response.status).toBe(404);
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('§2.3 a generated response (KVS-driven redirect) is FunctionGeneratedResponse and skips the origin', async () => {
    const before = origin.requests.length;
    const response = await edge.get('/old');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/new');
    expect(response.headers.get('x-cache')).toBe('FunctionGeneratedResponse from cloudfront');
    expect(response.headers.get('server')).toBe('CloudFront');
    expect(origin.requests.length).toBe(before);
  });

  it('§3.8 a throw is 503 FunctionExecutionError, a read-only header change 502 FunctionValidationError, a runaway 503 FunctionThrottledError', async () => {
    const thrown = await edge.get('/throws');
    expect(thrown.status).toBe(503);
    expect(thrown.headers.get('x-cache')).toBe('FunctionExecutionError from cloudfront');
    const invalid = await edge.get('/bad-host');
    expect(invalid.status).toBe(502);
    expect(invalid.headers.get('x-cache')).toBe('FunctionValidationError from cloudfront');
    const spin = await edge.get('/spin');
    expect(spin.status).toBe(503);
    expect(spin.headers.get('x-cache')).toBe('FunctionThrottledError from cloudfront');
    expect(edge.logs.some((line) => line.startsWith('/aws/cloudfront/function/rewrite ') && line.includes('FunctionExecutionError'))).toBe(true);
  });
});
