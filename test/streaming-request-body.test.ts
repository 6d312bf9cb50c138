import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, request } from 'node:http';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { arn, startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';

/**
 * Issue 9, §1.7: an IncludeBody function reads only its share of a streamed body; when it answers itself, the rest of
 * the viewer's body is read unseen, so the keep-alive connection serves the next request.
 */
let origin: TestOrigin;
let edge: TestEdge;

beforeAll(async () => {
  origin = await startOrigin((req, res) => res.end(`origin got ${req.body.length} bytes`));
  edge = await startEdge({
    originMap: { origin: origin.url },
    handlers: {
      gate: `export const handler = async (event) => {
        const r = event.Records[0].cf.request;
        if (r.uri === '/answer') return { status: '200', body: 'truncated ' + r.body.inputTruncated };
        return r;
      };`,
    },
    defaultBehavior: { lambdas: { 'viewer-request': arn('gate') }, methods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'], includeBody: true },
  });
});

afterAll(async () => {
  await edge?.close();
  await origin?.close();
});

function post(agent: Agent, path: string, size: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(`${edge.url}${path}`, { method: 'POST', agent, headers: { 'content-length': String(size) } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end(Buffer.alloc(size, 'b'));
  });
}

describe('issue 9: streamed request bodies and IncludeBody', () => {
  it('§1.7 a function that answers a 2 MB POST itself sees it truncated; the same connection then serves the next one', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect(await post(agent, '/answer', 2 * 2 ** 20)).toBe('truncated true');
    expect(await post(agent, '/forward', 2 * 2 ** 20)).toBe(`origin got ${2 * 2 ** 20} bytes`);
    agent.destroy();
  });
});
