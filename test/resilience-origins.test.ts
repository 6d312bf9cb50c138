import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'node:net';
import { get } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { closedPort, startRawOrigin } from './helpers/raw-origin.js';
import { sendRaw } from './helpers/raw-viewer.js';
import type { RawOrigin } from './helpers/raw-origin.js';
import { arn, makeDistribution } from './helpers/distribution.js';
import { startEdgeFromConfig, writeHandlers } from './helpers/edge-from-config.js';
import type { ConfigEdge } from './helpers/edge-from-config.js';
import { expectCloudFrontError, linesAbout, TEXT } from './helpers/cloudfront-error.js';

/**
 * Issue 6: origins that refuse, reset, stall, break HTTP, send oversized headers, fail or crawl. CloudFront's
 * 502/504 (D18, D30) with the origin's own timeouts (1 s here, one attempt), stale copies where §5.9 says so.
 */
const BIG = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Big: ';
// D30: status line (17) + Content-Length line (19) + `X-Big: ` and CRLF (9) = 45 bytes + the value (the blank line that
// ends the block is not counted, as for the viewer's request).
const AT_LIMIT = 20_480 - 45;

const raw: Record<string, (socket: Socket, head: string) => void> = {
  reset: (socket) => {
    socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n0123456789');
    setTimeout(() => socket.resetAndDestroy(), 20);
  },
  'hangs-up': (socket) => socket.end(),
  'stall-headers': () => {},
  'stall-body': (socket) => socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n0123456789'),
  invalid: (socket) => socket.end('THIS IS NOT HTTP AT ALL\r\n\r\n'),
  'bad-status-line': (socket) => socket.end('HTTP/1.1 abc Nope\r\nContent-Length: 0\r\n\r\n'),
  'big-headers': (socket, head) => {
    const over = head.startsWith('GET /big-headers/over');
    socket.write(`${BIG}${'a'.repeat(over ? AT_LIMIT + 1 : AT_LIMIT)}\r\n\r\nok`);
  },
};

const rawOrigins: Record<string, RawOrigin> = {};
let healthy: TestOrigin;
let flaky: TestOrigin;
let edge: ConfigEdge;
/** What the flaky origin does per path: serve, 500, 404, or drop the connection. */
const flakyMode = new Map<string, 'ok' | '500' | '404' | 'drop' | 'ok-no-stale'>();

beforeAll(async () => {
  for (const [name, respond] of Object.entries(raw)) rawOrigins[name] = await startRawOrigin(respond);
  healthy = await startOrigin((req, res) => {
    const path = req.url.split('?')[0]!;
    if (path.startsWith('/err/')) {
      const status = Number(path.slice(5, 8));
      res.writeHead(status, { 'content-type': 'text/plain' });
      return res.end(`origin failed with ${status}`);
    }
    if (path.startsWith('/slow/')) {
      setTimeout(() => res.end('slow but in time'), 400);
      return;
    }
    res.end(`healthy ${path}`);
  });
  flaky = await startOrigin((req, res) => {
    const mode = flakyMode.get(req.url) ?? 'ok';
    if (mode === 'drop') return void res.destroy();
    if (mode === '500' || mode === '404') {
      res.writeHead(Number(mode), { 'content-type': 'text/plain' });
      return res.end(`flaky says ${mode}`);
    }
    const cacheControl = mode === 'ok-no-stale' ? 'max-age=1, stale-if-error=0' : 'max-age=1';
    res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': cacheControl, etag: '"v1"' });
    res.end(`first copy of ${req.url}`);
  });

  const refusedPort = await closedPort();
  const names = [...Object.keys(raw), 'refused', 'healthy', 'flaky'];
  const distribution = makeDistribution({
    origins: names,
    defaultBehavior: { origin: 'healthy' },
    behaviors: [
      ...Object.keys(raw).map((name) => ({ path: `/${name}/*`, origin: name })),
      {
        path: '/refused/*',
        origin: 'refused',
        lambdas: { 'origin-response': arn('mark'), 'viewer-response': arn('mark') },
      },
      { path: '/flaky/*', origin: 'flaky' },
      { path: '/err/*', origin: 'healthy', lambdas: { 'origin-response': arn('mark') } },
    ],
  });
  // Small timeouts, one attempt: every failure is quick (the refused origin keeps CloudFront's three attempts).
  for (const origin of (distribution.Origins as { Items: Record<string, unknown>[] }).Items) {
    (origin.CustomOriginConfig as Record<string, unknown>).OriginReadTimeout = 1;
    origin.ConnectionTimeout = 1;
    origin.ConnectionAttempts = origin.Id === 'refused' ? 3 : 1;
  }
  const origins: Record<string, string> = { refused: `http://127.0.0.1:${refusedPort}`, healthy: healthy.url, flaky: flaky.url };
  for (const [name, origin] of Object.entries(rawOrigins)) origins[name] = origin.url;
  const dir = writeHandlers({
    'mark.mjs': `export const handler = async (event) => { const r = event.Records[0].cf.response; r.headers['x-marked'] = [{ key: 'X-Marked', value: event.Records[0].cf.config.eventType }]; return r; };`,
  });
  edge = await startEdgeFromConfig({ distribution, origins, functions: { mark: './mark.mjs' } }, dir);
}, 30_000);

afterAll(async () => {
  await edge?.close();
  await Promise.all([healthy?.close(), flaky?.close(), ...Object.values(rawOrigins).map((origin) => origin.close())]);
});

function rawGet(url: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { maxHeaderSize: 64 * 1024 }, (res) => {
      let body = '';
      res.setEncoding('latin1').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    }).on('error', reject);
  });
}

const port = () => Number(new URL(edge.url).port);

async function expectStillServing(): Promise<void> {
  const response = await edge.get('/still-fine');
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('healthy /still-fine');
}

describe('D18 no usable response from the origin: 502 or 504, the log says why, the edge keeps serving', () => {
  const cases: [string, number, RegExp][] = [
    ['refused', 502, /connection refused \(ECONNREFUSED\) after 3 attempts/],
    ['hangs-up', 502, /closed the connection|UND_ERR_SOCKET/],
    ['stall-headers', 504, /no response headers within the origin response timeout/],
    ['invalid', 502, /invalid HTTP response: .*Expected HTTP\/.* \(HPE_/],
    ['bad-status-line', 502, /invalid HTTP response: .*Invalid status code.* \(HPE_/],
  ];
  for (const [name, status, why] of cases) {
    it(`D18 ${name}: ${status} Error from cloudfront with CloudFront's text`, async () => {
      const response = await edge.get(`/${name}/object`);
      const { requestId } = await expectCloudFrontError(response, status, 'Error', TEXT.origin);
      expect(linesAbout(edge.logs, requestId)).toMatch(why);
      await expectStillServing();
    });
  }

  it('D18 origin-response and viewer-response do not run when the origin gave no response', async () => {
    const response = await edge.get('/refused/no-functions');
    expect(response.headers.get('x-marked')).toBeNull();
    await expectCloudFrontError(response, 502, 'Error', TEXT.origin);
    expect(edge.logs.some((line) => line.startsWith('/aws/lambda/us-east-1.mark START'))).toBe(false);
  });

  it('§5.8 no response counts as a 5xx: the 504 is cached for ErrorCachingMinTTL (second request: no new connection)', async () => {
    const before = rawOrigins['stall-headers']!.connections();
    await expectCloudFrontError(await edge.get('/stall-headers/cached'), 504, 'Error');
    const again = await edge.get('/stall-headers/cached');
    await expectCloudFrontError(again, 504, 'Error', TEXT.origin, false);
    expect(rawOrigins['stall-headers']!.connections()).toBe(before + 1);
  });
});

describe('issue 9: an origin that fails mid-body, after the status and headers went to the viewer', () => {
  // dg:RequestAndResponseBehaviorCustomOrigin: bytes are forwarded as they arrive, so the status cannot change; the
  // viewer's connection is closed short of Content-Length, and the partial object is not cached.
  for (const [name, why] of [
    ['reset', /the origin failed mid-body \((ECONNRESET|UND_ERR_SOCKET)/],
    ['stall-body', /the origin failed mid-body \(UND_ERR_BODY_TIMEOUT/],
  ] as const) {
    it(`${name}: 200 and the first bytes, then the connection closes short; nothing cached; logged`, async () => {
      const before = rawOrigins[name]!.connections();
      const response = await sendRaw(port(), `GET /${name}/partial HTTP/1.1\r\nHost: localhost\r\n\r\n`, 3000);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-length')).toBe('1000');
      expect(response.body).toBe('0123456789');
      expect(response.closed).toBe(true);
      const requestId = response.headers.get('x-amz-cf-id')!;
      expect(linesAbout(edge.logs, requestId)).toMatch(why);
      await sendRaw(port(), `GET /${name}/partial HTTP/1.1\r\nHost: localhost\r\n\r\n`, 3000);
      expect(rawOrigins[name]!.connections()).toBe(before + 2);
      await expectStillServing();
    });
  }
});

describe('D30 the origin response header block is limited to 20,480 bytes', () => {
  it('D30 exactly 20,480 bytes of status line and headers is served', async () => {
    // Node's fetch refuses header blocks over 16 KB, so read this one with node:http.
    const response = await rawGet(`${edge.url}/big-headers/at-limit`);
    expect(response.status).toBe(200);
    expect(response.headers['x-big']).toHaveLength(AT_LIMIT);
    expect(response.body).toBe('ok');
  });

  it('D30 one byte more is a 502 naming the size', async () => {
    const { requestId } = await expectCloudFrontError(await edge.get('/big-headers/over'), 502, 'Error', TEXT.origin);
    expect(linesAbout(edge.logs, requestId)).toMatch(/over 20,480 bytes/);
    await expectStillServing();
  });
});

describe('§2.2 an origin that answers, even badly or slowly, is an origin response', () => {
  for (const status of [500, 502, 503, 504]) {
    it(`§2.2 origin ${status} is relayed (its body, Error from cloudfront) and origin-response runs`, async () => {
      const response = await edge.get(`/err/${status}/x`);
      expect(response.status).toBe(status);
      expect(response.headers.get('x-cache')).toBe('Error from cloudfront');
      expect(response.headers.get('x-marked')).toBe('origin-response');
      expect(await response.text()).toBe(`origin failed with ${status}`);
    });
  }

  it('§4 a slow origin inside its response timeout is served', async () => {
    const response = await edge.get('/slow/page');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('slow but in time');
  });
});

describe('§5.9 an expired copy is served when the origin fails', () => {
  it('§5.9 (D37) expired + origin 500, expired + dropped connection: the stale copy as a Hit; stale-if-error=0 and 4xx: not', async () => {
    const paths = { fiveHundred: '/flaky/500', dropped: '/flaky/drop', noStale: '/flaky/no-stale', notFound: '/flaky/404' };
    flakyMode.set(paths.noStale, 'ok-no-stale');
    for (const path of Object.values(paths)) {
      const first = await edge.get(path);
      expect(first.headers.get('x-cache')).toBe('Miss from cloudfront');
      expect(await first.text()).toBe(`first copy of ${path}`);
    }
    await sleep(1100); // max-age=1: every copy is now expired
    flakyMode.set(paths.fiveHundred, '500').set(paths.dropped, 'drop').set(paths.noStale, '500').set(paths.notFound, '404');

    for (const path of [paths.fiveHundred, paths.dropped]) {
      const stale = await edge.get(path);
      expect({ status: stale.status, xCache: stale.headers.get('x-cache') }).toEqual({ status: 200, xCache: 'Hit from cloudfront' });
      expect(Number(stale.headers.get('age'))).toBeGreaterThanOrEqual(1);
      expect(await stale.text()).toBe(`first copy of ${path}`);
    }
    const noStale = await edge.get(paths.noStale);
    expect({ status: noStale.status, xCache: noStale.headers.get('x-cache') }).toEqual({ status: 500, xCache: 'Error from cloudfront' });
    expect(await noStale.text()).toBe('flaky says 500');
    const notFound = await edge.get(paths.notFound);
    expect(notFound.status).toBe(404);
    expect(await notFound.text()).toBe('flaky says 404');
  });
});
