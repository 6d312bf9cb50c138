import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, request } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket, WebSocketServer } from 'ws';
import { CACHING_DISABLED, CACHING_OPTIMIZED, ALL_VIEWER, makeDistribution } from './helpers/distribution.js';
import { spawnServe, rssKiB } from './helpers/serve-process.js';
import type { ServeProcess } from './helpers/serve-process.js';

/**
 * Issue 9: bodies stream through a real `serve` process, as through CloudFront: the first bytes arrive before the
 * last leave the origin, memory stays flat whatever the size, a viewer that stops reading slows the origin and one
 * that leaves ends it, uploads stream to the origin, directory origins read only what a request needs (files over
 * 2 GiB too), and WebSockets are joined. Memory is the serve process's RSS (Linux /proc), its growth bounded.
 */
const MB = 2 ** 20;
const CHUNK = Buffer.alloc(64 * 1024, 'x');
// Far below the bodies (300–400 MB), which buffering would hold whole; above the bench's 64 MB target, since garbage
// collection lags when the two cores are busy with other test files (the bench measures the target on a quiet run).
const RSS_GROWTH_LIMIT_KIB = 128 * 1024;

let origin: Server;
let wss: WebSocketServer;
let run: ServeProcess;
let edge: string;
let bucket: string;
const originState = { uploads: [] as number[], closedEarly: 0, requests: new Map<string, number>() };

/** Writes `total` bytes in 64 KB chunks, honouring backpressure. */
function streamBytes(res: ServerResponse, total: number): void {
  let sent = 0;
  const pump = () => {
    while (sent < total) {
      const chunk = total - sent >= CHUNK.length ? CHUNK : CHUNK.subarray(0, total - sent);
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url!.split('?')[0]!;
  originState.requests.set(path, (originState.requests.get(path) ?? 0) + 1);
  res.on('close', () => {
    if (!res.writableFinished) originState.closedEarly++;
  });
  if (path.startsWith('/big/')) {
    const size = Number(path.split('/')[2]) * MB;
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': size, 'cache-control': 'no-store' });
    return streamBytes(res, size);
  }
  if (path === '/sse') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    let n = 0;
    const timer = setInterval(() => {
      res.write(`data: event ${++n} at ${Date.now()}\n\n`);
      if (n === 4) {
        clearInterval(timer);
        res.end();
      }
    }, 300);
    return;
  }
  if (path === '/forever') {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    const pump = () => {
      while (res.write(CHUNK));
      res.once('drain', pump);
    };
    pump();
    return;
  }
  if (path === '/upload') {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => {
      originState.uploads.push(bytes);
      res.end(`received ${bytes}`);
    });
    return;
  }
  if (path === '/popular') {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'cache-control': 'max-age=300', 'content-length': 4 * MB });
    // Slow enough that the other requests arrive while it streams.
    let sent = 0;
    const piece = Buffer.alloc(256 * 1024, 'p');
    const timer = setInterval(() => {
      res.write(piece);
      sent += piece.length;
      if (sent >= 4 * MB) {
        clearInterval(timer);
        res.end();
      }
    }, 20);
    return;
  }
  res.end('ok');
}

function rssGrowthWhile(baseline: number): number {
  return rssKiB(run.child.pid!) - baseline;
}

beforeAll(async () => {
  origin = createServer(handle);
  wss = new WebSocketServer({ server: origin });
  wss.on('connection', (socket, req) => {
    socket.send(`hello ${req.headers['sec-websocket-protocol'] ?? ''}`.trim());
    socket.on('message', (data) => socket.send(`echo ${data.toString()}`));
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  const originUrl = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;

  const dir = mkdtempSync(join(tmpdir(), 'edge-dev-streaming-'));
  bucket = join(dir, 'bucket');
  const files = join(bucket, 'files');
  mkdirSync(files, { recursive: true });
  // Sparse files: hundreds of megabytes and gigabytes on no disk.
  writeFileSync(join(files, '300mb.bin'), '');
  truncateSync(join(files, '300mb.bin'), 300 * MB);
  writeFileSync(join(files, '3gb.bin'), '');
  truncateSync(join(files, '3gb.bin'), 3 * 1024 * MB);

  const distribution = makeDistribution({
    origins: ['app', 'files'],
    originOptions: { files: { s3: true } },
    defaultBehavior: { origin: 'app', cachePolicyId: CACHING_DISABLED, methods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'] },
    behaviors: [
      { path: '/files/*', origin: 'files' },
      { path: '/popular', origin: 'app', cachePolicyId: CACHING_OPTIMIZED, compress: false },
      { path: '/ws', origin: 'app', cachePolicyId: CACHING_DISABLED, originRequestPolicyId: ALL_VIEWER },
      { path: '/ws-no-headers', origin: 'app', cachePolicyId: CACHING_DISABLED },
    ],
  });
  const config = join(dir, 'edge-dev.config.json');
  writeFileSync(config, JSON.stringify({ distribution, origins: { app: originUrl, files: bucket } }));
  run = spawnServe(['--config', config, '--port', '0', '--control-port', '0']);
  edge = (await run.ready).edge;
}, 30_000);

afterAll(async () => {
  run?.child.kill('SIGKILL');
  await run?.exited;
  wss?.close();
  origin?.closeAllConnections();
  await new Promise((resolve) => origin?.close(resolve));
});

/** Reads a response as a stream: when the headers and first bytes came, how many bytes in all. */
function download(path: string, options: { stopAfter?: number; method?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: IncomingMessage['headers']; bytes: number; firstByteAt: number; endedAt: number; aborted: boolean }>((resolve, reject) => {
    const started = Date.now();
    const req = request(`${edge}${path}`, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      let bytes = 0;
      let firstByteAt = -1;
      res.on('data', (chunk: Buffer) => {
        if (firstByteAt < 0) firstByteAt = Date.now() - started;
        bytes += chunk.length;
        if (options.stopAfter !== undefined && bytes >= options.stopAfter) {
          req.destroy();
          resolve({ status: res.statusCode!, headers: res.headers, bytes, firstByteAt, endedAt: Date.now() - started, aborted: true });
        }
      });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes, firstByteAt, endedAt: Date.now() - started, aborted: false }));
      res.on('error', reject);
    });
    req.on('error', (error) => (options.stopAfter !== undefined ? undefined : reject(error)));
    req.end();
  });
}

describe('issue 9: responses stream with backpressure and flat memory', () => {
  it('a 400 MB origin response: the first bytes arrive long before the last, every byte arrives, RSS stays flat', async () => {
    const baseline = rssKiB(run.child.pid!);
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rssGrowthWhile(baseline))), 20);
    const result = await download('/big/400');
    clearInterval(sampler);
    expect(result.status).toBe(200);
    expect(result.bytes).toBe(400 * MB);
    expect(result.headers['content-length']).toBe(String(400 * MB));
    expect(result.firstByteAt).toBeLessThan(result.endedAt / 2);
    expect(peak).toBeLessThan(RSS_GROWTH_LIMIT_KIB);
  });

  it('server-sent events arrive one by one, as the origin sends them', async () => {
    const arrivals: number[] = [];
    await new Promise<void>((resolve, reject) => {
      request(`${edge}/sse`, { agent: false }, (res) => {
        res.on('data', (chunk: Buffer) => {
          for (const line of chunk.toString().split('\n')) if (line.startsWith('data:')) arrivals.push(Date.now());
        });
        res.on('end', resolve);
      }).on('error', reject).end();
    });
    expect(arrivals).toHaveLength(4);
    // Spaced as sent (300 ms apart), not delivered together at the end.
    expect(arrivals[3]! - arrivals[0]!).toBeGreaterThan(600);
  });

  it('an origin that sends headers and then bytes forever: the viewer gets them at once; leaving ends the origin read', async () => {
    const closedBefore = originState.closedEarly;
    const result = await download('/forever', { stopAfter: 8 * MB });
    expect(result.status).toBe(200);
    expect(result.aborted).toBe(true);
    for (let i = 0; i < 100 && originState.closedEarly === closedBefore; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(originState.closedEarly).toBe(closedBefore + 1);
  });

  it('5 viewers that never read a 300 MB response hold the origin back: RSS stays flat', async () => {
    const baseline = rssKiB(run.child.pid!);
    const requests = Array.from({ length: 5 }, () => {
      const req = request(`${edge}/big/300`, { agent: false }, (res) => res.pause());
      req.on('error', () => {});
      req.end();
      return req;
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(rssGrowthWhile(baseline)).toBeLessThan(RSS_GROWTH_LIMIT_KIB);
    for (const req of requests) req.destroy();
  });

  it('a viewer streaming a 300 MB chunked upload: the origin receives every byte, RSS stays flat', async () => {
    const baseline = rssKiB(run.child.pid!);
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rssGrowthWhile(baseline))), 20);
    const answer = await new Promise<string>((resolve, reject) => {
      const req = request(`${edge}/upload`, { method: 'POST', agent: false, headers: { 'transfer-encoding': 'chunked' } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      let sent = 0;
      const pump = () => {
        while (sent < 300 * MB) {
          sent += CHUNK.length;
          if (!req.write(CHUNK)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    clearInterval(sampler);
    expect(answer).toBe(`received ${300 * MB}`);
    expect(peak).toBeLessThan(RSS_GROWTH_LIMIT_KIB);
  });

  it('§5.7 collapsed requests on a streaming fill get the same bytes from one origin request', async () => {
    const results = await Promise.all(Array.from({ length: 3 }, () => download('/popular')));
    expect(results.map((r) => r.bytes)).toEqual([4 * MB, 4 * MB, 4 * MB]);
    expect(results.map((r) => r.headers['x-cache']).sort()).toEqual(['Hit from cloudfront', 'Hit from cloudfront', 'Miss from cloudfront']);
    expect(originState.requests.get('/popular')).toBe(1);
    // D35: a range is cut from the cached object.
    const range = await download('/popular', { headers: { range: 'bytes=100-199' } });
    expect([range.status, range.bytes, range.headers['content-range']]).toEqual([206, 100, `bytes 100-199/${4 * MB}`]);
    const beyond = await download('/popular', { headers: { range: `bytes=${8 * MB}-` } });
    expect([beyond.status, beyond.headers['content-range']]).toEqual([416, `bytes */${4 * MB}`]);
    // RFC 9110 If-Range: a validator that no longer matches gets the whole object; several ranges too (dg:RangeGETs).
    expect((await download('/popular', { headers: { range: 'bytes=0-9', 'if-range': '"stale"' } })).bytes).toBe(4 * MB);
    expect((await download('/popular', { headers: { range: 'bytes=0-9,20-29' } })).status).toBe(200);
    expect(originState.requests.get('/popular')).toBe(1);
  });
});

describe('issue 9: directory origins read only what a request needs', () => {
  it('Range: bytes=0-99 on a 300 MB file: 206 with 100 bytes, and RSS stays flat', async () => {
    const baseline = rssKiB(run.child.pid!);
    const results = await Promise.all(Array.from({ length: 4 }, () => download('/files/300mb.bin', { headers: { range: 'bytes=0-99' } })));
    for (const result of results) expect([result.status, result.bytes, result.headers['content-range']]).toEqual([206, 100, `bytes 0-99/${300 * MB}`]);
    expect(rssGrowthWhile(baseline)).toBeLessThan(RSS_GROWTH_LIMIT_KIB);
  });

  it('a 3 GB file works for HEAD, a Range at its end, and a GET that streams', async () => {
    const size = String(3 * 1024 * MB);
    const head = await download('/files/3gb.bin', { method: 'HEAD' });
    expect([head.status, head.headers['content-length']]).toEqual([200, size]);
    const tail = await download('/files/3gb.bin', { headers: { range: 'bytes=-10' } });
    expect([tail.status, tail.bytes, tail.headers['content-range']]).toEqual([206, 10, `bytes ${3 * 1024 * MB - 10}-${3 * 1024 * MB - 1}/${size}`]);
    const get = await download('/files/3gb.bin', { stopAfter: 4 * MB });
    expect([get.status, get.headers['content-length']]).toEqual([200, size]);
  });
});

describe('issue 9: WebSockets', () => {
  it('an Upgrade on a behavior that forwards the WebSocket headers is joined to the origin: echo through the edge', async () => {
    const socket = new WebSocket(`${edge.replace('http', 'ws')}/ws`, 'chat');
    const messages: string[] = [];
    await new Promise<void>((resolve, reject) => {
      socket.on('message', (data) => {
        messages.push(data.toString());
        if (messages.length === 1) socket.send('ping');
        if (messages.length === 2) resolve();
      });
      socket.on('error', reject);
    });
    socket.close();
    expect(messages).toEqual(['hello chat', 'echo ping']);
  });

  it('without the Sec-WebSocket-* headers forwarded, the origin cannot complete the handshake: no WebSocket', async () => {
    const socket = new WebSocket(`${edge.replace('http', 'ws')}/ws-no-headers`);
    const outcome = await new Promise<string>((resolve) => {
      socket.on('open', () => resolve('open'));
      socket.on('unexpected-response', (_req, res) => resolve(`status ${res.statusCode}`));
      socket.on('error', () => resolve('error'));
    });
    expect(outcome).not.toBe('open');
  });
});
