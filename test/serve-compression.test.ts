import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { startEdge } from './helpers/edge.js';
import { CACHING_DISABLED } from './helpers/distribution.js';
import type { TestEdge } from './helpers/edge.js';

const PAGE = `<!doctype html><title>compress me</title>${'<p>edge-dev compresses what CloudFront compresses.</p>'.repeat(60)}`;

let origin: TestOrigin;
let edge: TestEdge;

beforeAll(async () => {
  origin = await startOrigin((req, res) => {
    const path = req.url.split('?')[0]!;
    const html = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'max-age=300' };
    if (path.endsWith('/small.html')) return res.writeHead(200, html).end('<p>tiny</p>');
    if (path.endsWith('/image.png')) return res.writeHead(200, { 'content-type': 'image/png', 'content-length': '2000' }).end(Buffer.alloc(2000, 7));
    if (path.endsWith('/encoded.html')) return res.writeHead(200, { ...html, 'content-encoding': 'gzip' }).end(Buffer.from('not really gzip'));
    if (path.endsWith('/chunked.html')) {
      res.writeHead(200, html);
      res.write(PAGE.slice(0, 500));
      return res.end(PAGE.slice(500));
    }
    if (path.endsWith('/created.html')) return res.writeHead(201, { ...html, 'content-length': String(Buffer.byteLength(PAGE)) }).end(PAGE);
    if (path.endsWith('/swr.html')) {
      const headers = { ...html, 'cache-control': 'max-age=1, stale-while-revalidate=60', 'content-length': String(Buffer.byteLength(PAGE)) };
      return res.writeHead(200, headers).end(PAGE);
    }
    if (path.endsWith('/bad-etag.html')) return res.writeHead(200, { ...html, etag: 'v1-unquoted', 'content-length': String(Buffer.byteLength(PAGE)) }).end(PAGE);
    res.writeHead(200, { ...html, etag: '"v1"', 'content-length': String(Buffer.byteLength(PAGE)) }).end(PAGE);
  });
  edge = await startEdge({
    originMap: { origin: origin.url },
    behaviors: [
      { path: '/off/*', compress: false },
      { path: '/disabled/*', cachePolicyId: CACHING_DISABLED },
    ],
  });
});

afterAll(async () => {
  await edge?.close();
  await origin?.close();
});

/** A GET whose body comes back as bytes (fetch would decompress it). */
function get(path: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${edge.url}${path}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('§5.12 CloudFront compresses what the origin did not', () => {
  it('§5.12 Brotli is preferred; the stored object is the compressed one (the hit is compressed too)', async () => {
    for (const expected of ['Miss from cloudfront', 'Hit from cloudfront']) {
      const response = await get('/page.html', 'gzip, deflate, br');
      expect(response.headers['x-cache']).toBe(expected);
      expect(response.headers['content-encoding']).toBe('br');
      // Issue 9: a miss is compressed as it streams (no length known up front: chunked); the stored object has one.
      if (expected.startsWith('Hit')) expect(Number(response.headers['content-length'])).toBe(response.body.length);
      else expect(response.headers['content-length']).toBeUndefined();
      expect(brotliDecompressSync(response.body).toString()).toBe(PAGE);
    }
  });

  it('§5.12 a gzip-only viewer gets gzip, under its own cache key (§5.3)', async () => {
    const response = await get('/page.html', 'gzip');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.body).toString()).toBe(PAGE);
  });

  it('§5.12 a strong ETag becomes weak; an invalid one is removed', async () => {
    expect((await get('/etag/page.html', 'br')).headers['etag']).toBe('W/"v1"');
    expect((await get('/etag/bad-etag.html', 'br')).headers['etag']).toBeUndefined();
    // Uncompressed, the origin's strong ETag passes through.
    expect((await get('/etag/page.html')).headers['etag']).toBe('"v1"');
  });

  it('§5.12 no compression without Accept-Encoding, under 1,000 bytes, without Content-Length, or for other types', async () => {
    const plain = await get('/plain/page.html');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(PAGE);
    expect((await get('/plain/small.html', 'br')).headers['content-encoding']).toBeUndefined();
    expect((await get('/plain/chunked.html', 'br')).headers['content-encoding']).toBeUndefined();
    expect((await get('/plain/image.png', 'br')).headers['content-encoding']).toBeUndefined();
  });

  it('§5.12 an origin Content-Encoding is never compressed again; other statuses are not compressed', async () => {
    const encoded = await get('/plain/encoded.html', 'br');
    expect(encoded.headers['content-encoding']).toBe('gzip');
    expect(encoded.body.toString()).toBe('not really gzip');
    expect((await get('/plain/created.html', 'br')).headers['content-encoding']).toBeUndefined();
  });

  it('§5.12 §5.9 an object refreshed in the background (stale-while-revalidate) is stored compressed again', async () => {
    expect((await get('/refresh/swr.html', 'br')).headers['content-encoding']).toBe('br');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await get('/refresh/swr.html', 'br')).headers['x-cache']).toBe('Hit from cloudfront');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const refreshed = await get('/refresh/swr.html', 'br');
    expect(refreshed.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(refreshed.body).toString()).toBe(PAGE);
  });

  it('§5.12 not with Compress off, nor with a TTL of 0 (CachingDisabled)', async () => {
    expect((await get('/off/page.html', 'br')).headers['content-encoding']).toBeUndefined();
    expect((await get('/disabled/page.html', 'br')).headers['content-encoding']).toBeUndefined();
  });
});
