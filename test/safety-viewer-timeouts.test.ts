import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';
import { CACHING_DISABLED } from './helpers/distribution.js';

/**
 * Issue 15 item 7: idle and vanished viewers are closed and counted quietly (not logged as malformed, one line each),
 * and a viewer that stops reading a large response has its connection closed. Timeouts are shortened for the test;
 * serve's defaults are in src/server/viewer-timeouts.ts.
 */
const BIG = Buffer.alloc(48 * 2 ** 20, 'x');
let origin: TestOrigin;
let edge: TestEdge;
let port: number;

beforeAll(async () => {
  origin = await startOrigin((_req, res) => res.end(BIG));
  edge = await startEdge({
    originMap: { origin: origin.url },
    defaultBehavior: { cachePolicyId: CACHING_DISABLED, compress: false },
    viewerTimeouts: { headersMs: 300, sendIdleMs: 400 },
  });
  port = Number(new URL(edge.url).port);
});

afterAll(async () => {
  await edge?.close();
  await origin?.close();
});

function closedWithin(socket: Socket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

describe('issue 15: viewers that idle, vanish or stop reading', () => {
  it('300 silent connections are closed after the headers timeout, with at most two log lines and no "malformed"', async () => {
    const before = edge.logs.length;
    const sockets = await Promise.all(
      Array.from({ length: 300 }, () => new Promise<Socket>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => resolve(socket));
        socket.on('error', () => {});
      })),
    );
    const closed = await Promise.all(sockets.map((socket) => closedWithin(socket, 15_000)));
    expect(closed.every(Boolean)).toBe(true);
    const lines = edge.logs.slice(before);
    expect(lines.filter((line) => line.includes('malformed'))).toEqual([]);
    expect(lines.filter((line) => line.startsWith('[viewer]')).length).toBeLessThanOrEqual(2);
    expect(lines.some((line) => line.includes('went away or sent no complete request'))).toBe(true);
    const response = await edge.get('/still-serving', { headers: { 'accept-encoding': 'identity' } });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
  });

  it('a viewer that never reads a 48 MB response is disconnected once it makes no progress', async () => {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => {});
    let received = 0;
    socket.write('GET /big HTTP/1.1\r\nHost: localhost\r\n\r\n');
    socket.pause();
    const deadline = Date.now() + 8000;
    while (!edge.logs.some((line) => line.includes('stopped reading a response')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(edge.logs.some((line) => line.includes('stopped reading a response'))).toBe(true);
    // Reading now drains what was in flight, then the closed connection ends: the rest was never sent.
    socket.on('data', (chunk: Buffer) => (received += chunk.length));
    socket.resume();
    expect(await closedWithin(socket, 5000)).toBe(true);
    expect(received).toBeLessThan(BIG.length);
  });

  it('a slow reader that keeps making progress gets the whole response', async () => {
    const socket = connect(port, '127.0.0.1');
    let received = 0;
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      socket.pause();
      setTimeout(() => socket.resume(), 1);
    });
    socket.write('GET /big HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    await new Promise((resolve) => socket.once('close', resolve));
    expect(received).toBeGreaterThan(BIG.length);
  });
});
