import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, mkdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryOrigin } from './directory-origin.js';
import { OriginClient } from './origin-client.js';
import { buildOriginRequest } from './build-origin-request.js';
import { VIEWER, behavior, distribution, headers, origin, viewerRequest } from './test-fixtures.js';
import type { CfHeaders } from '../event/types.js';
import { readBody } from '../event/index.js';

let base: string;
let root: string;
let bucket: DirectoryOrigin;
const CONTENT = 'hello, directory origin';
const MTIME = new Date('2024-01-02T03:04:05Z');

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'edge-dev-origin-'));
  root = join(base, 'bucket');
  await mkdir(join(root, 'dir', 'sub'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<h1>hi</h1>');
  await writeFile(join(root, 'dir', 'sub', 'file.txt'), CONTENT);
  await utimes(join(root, 'dir', 'sub', 'file.txt'), MTIME, MTIME);
  await writeFile(join(root, 'with space+plus.css'), 'a{}');
  await writeFile(join(root, 'blob'), Buffer.from([1, 2, 3]));
  await writeFile(join(base, 'secret.txt'), 'secret');
  await symlink(join(base, 'secret.txt'), join(root, 'escape.txt'));
  await symlink(join(root, 'index.html'), join(root, 'alias.html'));
  bucket = new DirectoryOrigin(root);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

/** The response with its (streamed) body read whole. */
async function get(path: string, lines: Record<string, string> = {}, method = 'GET') {
  const response = await bucket.serve(method, path, headers(lines));
  return { ...response, body: await readBody(response) };
}

// D51: the ETag the file is served with (from its identity and version, not its bytes).
async function etagOf(path: string): Promise<string> {
  return value((await get(path, {}, 'HEAD')).headers, 'etag')!;
}

function value(map: CfHeaders, name: string): string | undefined {
  return map[name]?.[0]?.value;
}

describe('DirectoryOrigin', () => {
  it('D11 serves a file with Content-Type, an S3-shaped ETag, Last-Modified, Accept-Ranges and Content-Length', async () => {
    const res = await get('/dir/sub/file.txt');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(CONTENT);
    expect(value(res.headers, 'content-type')).toBe('text/plain');
    expect(value(res.headers, 'etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(value(res.headers, 'last-modified')).toBe(MTIME.toUTCString());
    expect(value(res.headers, 'accept-ranges')).toBe('bytes');
    expect(value(res.headers, 'content-length')).toBe(String(CONTENT.length));
    expect(value(res.headers, 'server')).toBe('AmazonS3');
    expect(value(await get('/index.html').then((r) => r.headers), 'content-type')).toBe('text/html');
    expect(value((await get('/blob')).headers, 'content-type')).toBe('binary/octet-stream');
  });

  it('D11 answers HEAD with the headers and no body', async () => {
    const res = await get('/dir/sub/file.txt', {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(0);
    expect(value(res.headers, 'etag')).toBe(value((await get('/dir/sub/file.txt')).headers, 'etag'));
    expect(value(res.headers, 'content-length')).toBe(String(CONTENT.length));
  });

  it('D11 uses the percent-decoded path as the key', async () => {
    const res = await get('/with%20space+plus.css');
    expect(res.status).toBe(200);
    expect(value(res.headers, 'content-type')).toBe('text/css');
  });

  it('D11 answers a missing key with 404 NoSuchKey XML naming the key', async () => {
    const res = await get('/dir/missing.txt');
    expect(res.status).toBe(404);
    expect(value(res.headers, 'content-type')).toBe('application/xml');
    const xml = res.body.toString();
    expect(xml).toContain('<Code>NoSuchKey</Code>');
    expect(xml).toContain('<Key>dir/missing.txt</Key>');
    expect((await get('/dir')).status).toBe(404);
    expect((await get('/dir/')).status).toBe(404);
  });

  it('D35 answers a byte range with 206 and Content-Range', async () => {
    const res = await get('/dir/sub/file.txt', { Range: 'bytes=0-4' });
    expect(res.status).toBe(206);
    expect(res.body.toString()).toBe('hello');
    expect(value(res.headers, 'content-range')).toBe(`bytes 0-4/${CONTENT.length}`);
    expect(value(res.headers, 'content-length')).toBe('5');
    const suffix = await get('/dir/sub/file.txt', { Range: 'bytes=-6' });
    expect(suffix.body.toString()).toBe('origin');
    const open = await get('/dir/sub/file.txt', { Range: 'bytes=17-' });
    expect(open.body.toString()).toBe('origin');
  });

  it('D35 answers an unsatisfiable range with 416 InvalidRange; several ranges get the whole object', async () => {
    const res = await get('/dir/sub/file.txt', { Range: 'bytes=999-' });
    expect(res.status).toBe(416);
    expect(res.body.toString()).toContain('<Code>InvalidRange</Code>');
    expect(value(res.headers, 'content-range')).toBe(`bytes */${CONTENT.length}`);
    const several = await get('/dir/sub/file.txt', { Range: 'bytes=0-1,3-4' });
    expect(several.status).toBe(200);
    expect(several.body.toString()).toBe(CONTENT);
  });

  it('§5.10 answers If-None-Match and If-Modified-Since with 304', async () => {
    const etag = await etagOf('/dir/sub/file.txt');
    const byTag = await get('/dir/sub/file.txt', { 'If-None-Match': etag });
    expect(byTag.status).toBe(304);
    expect(byTag.body.length).toBe(0);
    expect(value(byTag.headers, 'etag')).toBe(etag);
    expect((await get('/dir/sub/file.txt', { 'If-None-Match': '"other"' })).status).toBe(200);
    const byDate = await get('/dir/sub/file.txt', { 'If-Modified-Since': MTIME.toUTCString() });
    expect(byDate.status).toBe(304);
    const older = new Date(MTIME.getTime() - 1000).toUTCString();
    expect((await get('/dir/sub/file.txt', { 'If-Modified-Since': older })).status).toBe(200);
  });

  it('D11 answers a failed If-Match with 412 PreconditionFailed', async () => {
    const res = await get('/dir/sub/file.txt', { 'If-Match': '"nope"' });
    expect(res.status).toBe(412);
    expect(res.body.toString()).toContain('<Code>PreconditionFailed</Code>');
    expect((await get('/dir/sub/file.txt', { 'If-Match': await etagOf('/dir/sub/file.txt') })).status).toBe(200);
  });

  it('D11 refuses path traversal: .., %2e%2e, encoded slashes, backslashes', async () => {
    for (const path of ['/../secret.txt', '/dir/%2e%2e/%2E%2E/secret.txt', '/..%2fsecret.txt', '/dir%2F..%2F..%2Fsecret.txt', '/..%5csecret.txt']) {
      const res = await get(path);
      expect(res.status, path).toBe(403);
      expect(res.body.toString(), path).not.toContain('secret</');
      expect(res.body.toString(), path).toContain('<Code>AccessDenied</Code>');
    }
  });

  it('D11 refuses a symlink leading out of the directory, serves one inside it', async () => {
    const out = await get('/escape.txt');
    expect(out.status).toBe(403);
    expect(out.body.toString()).not.toBe('secret');
    const inside = await get('/alias.html');
    expect(inside.status).toBe(200);
    expect(inside.body.toString()).toBe('<h1>hi</h1>');
  });

  it('D11 answers other methods with 405 MethodNotAllowed and a bad escape with 400 InvalidURI', async () => {
    const put = await get('/index.html', {}, 'PUT');
    expect(put.status).toBe(405);
    expect(put.body.toString()).toContain('<Code>MethodNotAllowed</Code>');
    expect((await get('/bad%zz')).status).toBe(400);
  });

  it('D11 is reached through OriginClient when the origin maps to a directory, origin path included', async () => {
    const o = origin({ kind: 's3', domainName: 'bucket.s3.amazonaws.com', originPath: '/dir', location: { kind: 'directory', root } });
    const client = new OriginClient(distribution([o]));
    try {
      const req = buildOriginRequest(distribution([o]), behavior(), o, viewerRequest('/sub/file.txt'), VIEWER);
      const res = await client.fetch(req);
      expect(res.status).toBe(200);
      expect((await readBody(res)).toString()).toBe(CONTENT);
    } finally {
      await client.close();
    }
  });
});
