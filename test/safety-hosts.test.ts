import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { arn, startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';
import { sendRaw } from './helpers/raw-viewer.js';

/**
 * Issue 15 items 3 and 5: the edge answers only the names it serves (interface.md › Viewer hosts), refuses malformed
 * hosts and CONNECT as CloudFront does, and a web page cannot drive the control API (DNS rebinding, cross-site POST).
 */
let origin: TestOrigin;
let edge: TestEdge;
let port: number;
let controlPort: number;

beforeAll(async () => {
  origin = await startOrigin((req, res) => res.end(`origin saw ${req.url}`));
  edge = await startEdge({
    originMap: { origin: origin.url },
    aliases: ['www.example.com', '*.example.org'],
    settings: { allowedHosts: ['from-settings.test'] },
    allowedHosts: ['*.from-flag.test'],
    handlers: { vreq: `export const handler = async (event) => { console.log('vreq ran'); return event.Records[0].cf.request; };` },
    behaviors: [{ path: '/fn/*', lambdas: { 'viewer-request': arn('vreq') } }],
  });
  port = Number(new URL(edge.url).port);
  controlPort = Number(new URL(edge.controlUrl).port);
});

afterAll(async () => {
  await edge?.close();
  await origin?.close();
});

const get = (host: string, path = '/page') => sendRaw(port, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);

describe('issue 15: the edge serves its own names', () => {
  const served = [
    'd111111abcdef8.cloudfront.net',
    'www.example.com',
    'WWW.Example.COM:3000',
    'a.example.org',
    'deep.a.example.org',
    'localhost',
    'app.localhost',
    '127.0.0.1',
    '127.1.2.3:8080',
    '[::1]:3000',
    'from-settings.test',
    'x.from-flag.test',
  ];
  for (const host of served) {
    it(`Host: ${host} is served`, async () => {
      const response = await get(host);
      expect([response.status, response.body]).toEqual([200, 'origin saw /page']);
    });
  }

  // dg:alternate-domain-names-wildcard: *.example.org is not example.org; other names are not this distribution's.
  for (const host of ['example.org', 'evil.example', 'www.example.com.evil.example', 'from-flag.test', '192.168.1.10', 'localhost.evil.example']) {
    it(`Host: ${host} gets CloudFront's 403 Bad request, and nothing reaches a function or the origin`, async () => {
      const before = origin.requests.length;
      const invocations = edge.invocations('vreq');
      const response = await get(host, '/fn/x');
      expect(response.status).toBe(403);
      expect(response.headers.get('x-cache')).toBe('Error from cloudfront');
      expect(response.body).toContain('Bad request.');
      expect(origin.requests.length).toBe(before);
      expect(edge.invocations('vreq')).toBe(invocations);
      expect(edge.logs.some((line) => line.includes(`Host "${host.toLowerCase()}" is not this distribution's`))).toBe(true);
    });
  }
});

describe('issue 15: malformed hosts and CONNECT get CloudFront\'s answers, each with a log line', () => {
  const cases: [string, string][] = [
    ['two Host headers', 'GET /page HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n\r\n'],
    ['two identical Host headers', 'GET /page HTTP/1.1\r\nHost: localhost\r\nHost: localhost\r\n\r\n'],
    ['an empty Host', 'GET /page HTTP/1.1\r\nHost: \r\n\r\n'],
    ['an invalid Host', 'GET /page HTTP/1.1\r\nHost: local/host\r\n\r\n'],
    ['HTTP/1.1 without Host', 'GET /page HTTP/1.1\r\n\r\n'],
  ];
  for (const [name, request] of cases) {
    it(`RFC 9112 §3.2: ${name} is a 400 (not forwarded)`, async () => {
      const before = origin.requests.length;
      const response = await sendRaw(port, request);
      expect(response.status).toBe(400);
      expect(response.headers.get('x-cache')).toBe('Error from cloudfront');
      expect(origin.requests.length).toBe(before);
      const requestId = response.headers.get('x-amz-cf-id')!;
      expect(edge.logs.some((line) => line.includes(requestId) && line.includes('400'))).toBe(true);
    });
  }

  it('CONNECT is answered with the invalid-method 403 and logged, not dropped silently', async () => {
    const response = await sendRaw(port, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
    expect(response.status).toBe(403);
    expect(response.body).toContain('This distribution is not configured to allow the HTTP request method');
    expect(edge.logs.some((line) => line.includes('CONNECT example.com:443 refused'))).toBe(true);
    expect((await get('localhost')).status).toBe(200);
  });
});

describe('issue 15: a web page cannot drive the control API', () => {
  const batch = '<?xml version="1.0"?><InvalidationBatch xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Paths><Quantity>1</Quantity><Items><Path>/*</Path></Items></Paths><CallerReference>page</CallerReference></InvalidationBatch>';
  const invalidation = (headers: Record<string, string>) =>
    sendRaw(
      controlPort,
      `POST /2020-05-31/distribution/EDFDVBD6EXAMPLE/invalidation HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}Content-Type: text/plain\r\nContent-Length: ${batch.length}\r\nConnection: close\r\n\r\n${batch}`,
    );

  it('a cross-site simple POST (Origin of another site) is refused with 403 before any work', async () => {
    const response = await invalidation({ Host: `127.0.0.1:${controlPort}`, Origin: 'http://evil.example' });
    expect(response.status).toBe(403);
    expect(response.body).toContain('<Code>AccessDenied</Code>');
    expect(edge.logs.some((line) => line.startsWith('[invalidation]'))).toBe(false);
  });

  it('Sec-Fetch-Site: cross-site is refused', async () => {
    const response = await invalidation({ Host: `localhost:${controlPort}`, 'Sec-Fetch-Site': 'cross-site' });
    expect(response.status).toBe(403);
  });

  it('a rebound name (Host not loopback) is refused, even from this machine', async () => {
    const response = await invalidation({ Host: `evil.example:${controlPort}` });
    expect(response.status).toBe(403);
    const read = await sendRaw(controlPort, `GET /2020-05-31/distribution/EDFDVBD6EXAMPLE HTTP/1.1\r\nHost: rebind.evil.example\r\nConnection: close\r\n\r\n`);
    expect(read.status).toBe(403);
  });

  it('a cross-site page cannot invoke a handler through the RIE endpoint', async () => {
    const event = JSON.stringify({ Records: [] });
    const response = await sendRaw(
      controlPort,
      `POST /2015-03-31/functions/vreq/invocations HTTP/1.1\r\nHost: 127.0.0.1:${controlPort}\r\nOrigin: http://evil.example\r\nContent-Type: text/plain\r\nContent-Length: ${event.length}\r\nConnection: close\r\n\r\n${event}`,
    );
    expect(response.status).toBe(403);
  });

  it('the same request from a local tool (no Origin) or the control API\'s own page works', async () => {
    expect((await invalidation({ Host: `127.0.0.1:${controlPort}` })).status).toBe(201);
    expect((await invalidation({ Host: `localhost:${controlPort}`, Origin: `http://localhost:${controlPort}` })).status).toBe(201);
  });
});
