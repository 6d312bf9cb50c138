import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { arn, startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';
import { sendRaw } from './helpers/raw-viewer.js';
import { ALL_VIEWER, CACHING_DISABLED } from './helpers/distribution.js';
import { expectCloudFrontError } from './helpers/cloudfront-error.js';

/**
 * Issue 15 item 4: one header block limit (§4, D30: 20,480 bytes of start line and header lines), counted on every
 * header line, for the viewer's request, the origin's response and what every function returns.
 */
let origin: TestOrigin;
let edge: TestEdge;
let port: number;

const MANY = `const many = (n) => Array.from({ length: n }, (_, i) => ({ key: 'X-N' + i, value: '1' }));`;

beforeAll(async () => {
  origin = await startOrigin((req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.end(`headers seen: ${req.rawHeaders.length / 2}`);
  });
  edge = await startEdge({
    originMap: { origin: origin.url },
    handlers: {
      ores: `${MANY} export const handler = async (event) => { const r = event.Records[0].cf.response; for (const h of many(10000)) r.headers[h.key.toLowerCase()] = [h]; return r; };`,
      vres: `${MANY} export const handler = async (event) => { const r = event.Records[0].cf.response; r.headers['x-many'] = many(2000).map((h) => ({ key: 'X-Many', value: 'v'.repeat(10) })); return r; };`,
      vreq: `export const handler = async (event) => { const r = event.Records[0].cf.request; r.headers['x-pad'] = [{ key: 'X-Pad', value: 'p'.repeat(21000) }]; return r; };`,
      gen: `${MANY} export const handler = async () => ({ status: '200', headers: { 'x-many': many(3000).map(() => ({ key: 'X-Many', value: 'abcdefgh' })) } });`,
    },
    behaviors: [
      { path: '/ores/*', cachePolicyId: CACHING_DISABLED, lambdas: { 'origin-response': arn('ores') } },
      { path: '/vres/*', lambdas: { 'viewer-response': arn('vres') } },
      { path: '/vreq/*', lambdas: { 'viewer-request': arn('vreq') } },
      { path: '/gen/*', lambdas: { 'origin-request': arn('gen') } },
      { path: '/under', cachePolicyId: CACHING_DISABLED, originRequestPolicyId: ALL_VIEWER },
    ],
  });
  port = Number(new URL(edge.url).port);
});

afterAll(async () => {
  await edge?.close();
  await origin?.close();
});

describe('issue 15: one header limit for every path', () => {
  it('§4 D30 2,503 small headers (21,453 bytes) are a 413, not half-forwarded', async () => {
    const lines = Array.from({ length: 2502 }, (_, i) => `X-${i}: 1\r\n`).join('');
    const request = `GET /many HTTP/1.1\r\nHost: localhost\r\n${lines}\r\n`;
    const response = await sendRaw(port, request);
    expect(response.status).toBe(413);
    expect(origin.requests.some((r) => r.url === '/many')).toBe(false);
  });

  it('§4 D30 1,800 small headers under the limit all reach the origin', async () => {
    const lines = Array.from({ length: 1800 }, (_, i) => `X-${i}: 1\r\n`).join('');
    const response = await sendRaw(port, `GET /under HTTP/1.1\r\nHost: localhost\r\n${lines}\r\n`);
    expect(response.status).toBe(200);
    // AllViewer forwards them all: none dropped on the way.
    expect(Number(/headers seen: (\d+)/.exec(response.body)![1])).toBeGreaterThan(1800);
  });

  for (const [path, stage] of [
    ['/ores/x', 'origin-response adds 10,000 headers'],
    ['/vres/x', 'viewer-response adds 2,000 header lines'],
    ['/vreq/x', 'viewer-request adds a 21,000-byte header'],
    ['/gen/x', 'origin-request generates a response with 3,000 header lines'],
  ] as const) {
    it(`§4 D30 ${stage}: 502 LambdaValidationError naming the size`, async () => {
      const { requestId } = await expectCloudFrontError(await edge.get(path), 502, 'LambdaValidationError');
      expect(edge.logs.some((line) => line.includes('over CloudFront\'s 20480'))).toBe(true);
      expect(requestId).toBeTruthy();
    });
  }
});
