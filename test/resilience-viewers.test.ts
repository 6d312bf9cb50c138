import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { arn, startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';
import { sendRaw } from './helpers/raw-viewer.js';
import type { RawResponse } from './helpers/raw-viewer.js';

/**
 * Issue 6: viewers that send malformed requests over raw sockets. Each gets the status CloudFront gives (with its
 * page and `X-Cache: Error from cloudfront`), and the edge serves the next request.
 */
const ALL_METHODS = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'];
let origin: TestOrigin;
let edge: TestEdge;
let port: number;

beforeAll(async () => {
  origin = await startOrigin((req, res) => {
    if (req.url.startsWith('/slow')) return void setTimeout(() => res.end('late'), 300);
    res.end(`origin saw ${req.method} ${req.url}`);
  });
  const bucket = mkdtempSync(join(tmpdir(), 'edge-dev-bucket-'));
  writeFileSync(join(bucket, 'file.txt'), 'in the bucket');
  edge = await startEdge({
    origins: ['origin', 'bucket'],
    originMap: { origin: origin.url, bucket },
    handlers: { echo: 'export const handler = async (event) => event.Records[0].cf.request;' },
    defaultBehavior: { methods: ALL_METHODS, lambdas: { 'viewer-request': arn('echo') } },
    behaviors: [
      { path: '/bucket/*', origin: 'bucket' },
      { path: '/get-only/*', methods: ['GET', 'HEAD'] },
    ],
  });
  port = Number(new URL(edge.url).port);
});

afterAll(async () => {
  await edge?.close();
  await origin?.close();
});

const get = (target: string, headers = 'Host: d111111abcdef8.cloudfront.net\r\n') => `GET ${target} HTTP/1.1\r\n${headers}\r\n`;

function expectEdgeError(response: RawResponse, status: number, closed: boolean): void {
  expect({ status: response.status, xCache: response.headers.get('x-cache'), server: response.headers.get('server') }).toEqual({
    status,
    xCache: 'Error from cloudfront',
    server: 'CloudFront',
  });
  expect(response.body).toContain(`<H1>${status} ERROR</H1>`);
  expect(response.body).toContain(`Request ID: ${response.headers.get('x-amz-cf-id')}`);
  if (closed) expect(response.closed).toBe(true);
}

async function expectStillServing(): Promise<void> {
  const response = await sendRaw(port, get('/after'));
  expect(response.status).toBe(200);
  expect(response.body).toBe('origin saw GET /after');
}

describe('§4 (D30) URL and header limits: 413 and the connection closed', () => {
  it('§4 a URL of 8,192 bytes is served', async () => {
    const response = await sendRaw(port, get(`/${'a'.repeat(8191)}`));
    expect(response.status).toBe(200);
  });

  it('§4 a URL of 8,193 bytes is a 413 and the connection is closed', async () => {
    expectEdgeError(await sendRaw(port, get(`/${'a'.repeat(8192)}`)), 413, true);
    await expectStillServing();
  });

  // Request line (16) + `Host: localhost` line (17) + `X-Pad: ` line (9 + value): the limit counts those, not the blank line.
  const padFor = (total: number) => 'p'.repeat(total - 42);
  it('D30 a request line and headers of 20,480 bytes are served', async () => {
    const response = await sendRaw(port, get('/', `Host: localhost\r\nX-Pad: ${padFor(20_480)}\r\n`));
    expect(response.status).toBe(200);
  });

  it('D30 20,481 bytes: 413 and the connection closed', async () => {
    expectEdgeError(await sendRaw(port, get('/', `Host: localhost\r\nX-Pad: ${padFor(20_481)}\r\n`)), 413, true);
    await expectStillServing();
  });

  it('D30 headers far over the limit (40 KB, past the parser\'s own limit) are a 413 too', async () => {
    expectEdgeError(await sendRaw(port, get('/', `Host: localhost\r\nX-Pad: ${'p'.repeat(40_000)}\r\n`)), 413, true);
    await expectStillServing();
  });
});

describe('malformed requests: 400 (or 403 for a method), the connection closed, the edge keeps serving', () => {
  const cases: [string, string, number][] = [
    ['Content-Length with Transfer-Encoding', 'POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 400],
    ['two different Content-Lengths', 'POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!', 400],
    ['a Transfer-Encoding other than chunked', 'POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\n\r\n', 400],
    ['a bad chunk size', 'POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n', 400],
    ['no request line', 'GARBAGE\r\n\r\n', 400],
    ['a space in a header name', 'GET / HTTP/1.1\r\nHost: localhost\r\nBad Header: y\r\n\r\n', 400],
    ['a control character in the path', 'GET /a\x01b HTTP/1.1\r\nHost: localhost\r\n\r\n', 400],
    ['a control character in a header value', 'GET / HTTP/1.1\r\nHost: localhost\r\nX-Ctl: a\x01b\r\n\r\n', 400],
    ['an unknown HTTP version', 'GET / HTTP/7.3\r\nHost: localhost\r\n\r\n', 400],
    ['an asterisk target', 'OPTIONS * HTTP/1.1\r\nHost: localhost\r\n\r\n', 400],
    // dg:http-403-invalid-method: a method the distribution does not allow → 403, for unknown tokens too.
    ['an unknown method token', 'FOO / HTTP/1.1\r\nHost: localhost\r\n\r\n', 403],
  ];
  for (const [what, request, status] of cases) {
    it(`${status} for ${what}`, async () => {
      expectEdgeError(await sendRaw(port, request), status, true);
      await expectStillServing();
    });
  }

  it('the log names a request the parser refused', async () => {
    const response = await sendRaw(port, cases[0]![1]);
    const id = response.headers.get('x-amz-cf-id')!;
    expect(edge.logs.find((line) => line.includes(id))).toMatch(/^\[viewer\] \S+ 400: malformed request \(HPE_/);
  });
});

describe('§7.2 methods: a known method outside AllowedMethods is a 403 and no function runs', () => {
  for (const method of ['PROPFIND', 'TRACE', 'DELETE']) {
    it(`§7.2 ${method} on a GET/HEAD behavior: 403`, async () => {
      const before = edge.invocations('echo');
      expectEdgeError(await sendRaw(port, `${method} /get-only/x HTTP/1.1\r\nHost: localhost\r\n\r\n`), 403, false);
      expect(edge.invocations('echo')).toBe(before);
    });
  }
});

describe('odd but legal requests are served as they came', () => {
  it('bad percent-encoding reaches the handler and a custom origin unchanged', async () => {
    const response = await sendRaw(port, get('/%zz%E0%A4%A'));
    expect(response.status).toBe(200);
    expect(response.body).toBe('origin saw GET /%zz%E0%A4%A');
  });

  it('bad percent-encoding to a directory (S3-like) origin: S3\'s 400 InvalidURI', async () => {
    const response = await sendRaw(port, get('/bucket/%zz'));
    expect(response.status).toBe(400);
    expect(response.body).toContain('<Code>InvalidURI</Code>');
    expect(response.headers.get('x-cache')).toBe('Error from cloudfront');
  });

  it('RFC 9112 an absolute-form target is served as its path', async () => {
    const response = await sendRaw(port, get('http://d111111abcdef8.cloudfront.net/absolute?q=1'));
    expect(response.status).toBe(200);
    expect(response.body).toBe('origin saw GET /absolute');
  });

  it('§3.2 a `__proto__` header is just a header', async () => {
    const response = await sendRaw(port, get('/proto', 'Host: localhost\r\n__proto__: polluted\r\nConstructor: x\r\n'));
    expect(response.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('issue 15: HTTP/1.0 without Host is a 400 (CloudFront picks the distribution by Host alone) and closed', async () => {
    const response = await sendRaw(port, 'GET /old HTTP/1.0\r\n\r\n');
    expect(response.status).toBe(400);
    expect(response.closed).toBe(true);
  });
});

describe('viewers that go away', () => {
  it('a viewer that disconnects mid-body, mid-headers or while the origin works does not hurt the edge', async () => {
    const drops = [
      'POST /drop HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\nonly a little',
      'GET /drop HTTP/1.1\r\nHost: localhost\r\nX-Half: ',
      'GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n',
    ];
    await Promise.all(
      drops.map(
        (request) =>
          new Promise<void>((resolve) => {
            const socket = connect(port, '127.0.0.1', () => {
              socket.write(request);
              setTimeout(() => socket.destroy(), 50);
            });
            socket.on('close', () => resolve());
            socket.on('error', () => {});
          }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 400)); // the slow origin answers a viewer that is gone
    await expectStillServing();
    expect(edge.logs.filter((line) => line.includes('internal error'))).toEqual([]);
  });
});
