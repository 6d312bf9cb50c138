import { describe, it, expect, afterEach } from 'vitest';
import { OriginClient } from './origin-client.js';
import { readBody } from '../event/index.js';
import { OriginError } from './errors.js';
import { buildOriginRequest } from './build-origin-request.js';
import { classifyError } from './classify-error.js';
import {
  VIEWER,
  behavior,
  distribution,
  headerValues,
  headers,
  httpOrigin,
  origin,
  tcpOrigin,
  viewerRequest,
  type TestServer,
} from './test-fixtures.js';
import type { CompiledOrigin } from '../config/types.js';
import type { CfRequest } from '../event/types.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

function track<T extends { close(): Promise<void> }>(thing: T): T {
  cleanups.push(() => thing.close());
  return thing;
}

function mapped(server: TestServer, over: Partial<CompiledOrigin> = {}): CompiledOrigin {
  return origin({ location: { kind: 'url', protocol: 'http', host: '127.0.0.1', port: server.port, basePath: '' }, ...over });
}

function originRequest(o: CompiledOrigin, over: Partial<CfRequest> = {}): CfRequest {
  return buildOriginRequest(distribution([o]), behavior(), o, viewerRequest('/path/a.txt', over), VIEWER);
}

async function failure(promise: Promise<unknown>): Promise<OriginError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(OriginError);
    return error as OriginError;
  }
  throw new Error('expected an OriginError');
}

describe('OriginClient', () => {
  it('§6.2 sends to the local mapping: base path + origin path + uri + query, with Host, X-Amz-Cf-Id and custom headers', async () => {
    const server = track(await httpOrigin());
    const o = origin({
      originPath: '/v1',
      customHeaders: headers({ 'X-Origin-Secret': 's3cret' }),
      location: { kind: 'url', protocol: 'http', host: '127.0.0.1', port: server.port, basePath: '/base' },
    });
    const client = track(new OriginClient(distribution([o])));
    const req = originRequest(o, { querystring: 'q=1' });
    req.querystring = 'q=1';
    req.headers['x-origin-secret'] = [{ key: 'X-Origin-Secret', value: 'from-viewer' }];
    const res = await client.fetch(req, { requestId: 'abc==' });
    expect(res.status).toBe(200);
    const seen = server.seen[0]!;
    expect(seen.url).toBe('/base/v1/path/a.txt?q=1');
    expect(headerValues(seen.rawHeaders, 'host')).toEqual(['origin.example.com']);
    expect(headerValues(seen.rawHeaders, 'x-amz-cf-id')).toEqual(['abc==']);
    expect(headerValues(seen.rawHeaders, 'user-agent')).toEqual(['Amazon CloudFront']);
    // §3.4: the origin's custom header overwrites the same-named one.
    expect(headerValues(seen.rawHeaders, 'x-origin-secret')).toEqual(['s3cret']);
    expect(seen.rawHeaders).toContain('X-Amz-Cf-Id');
  });

  it('§1.9 keeps the origin status text, raw header case and repeated headers', async () => {
    const server = track(
      await httpOrigin((_req, res) => {
        res.writeHead(201, 'Made It', [['X-MiXeD-Case', 'v'], ['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']]);
        res.end('body!');
      }),
    );
    const o = mapped(server);
    const client = track(new OriginClient(distribution([o])));
    const res = await client.fetch(originRequest(o));
    expect(res.status).toBe(201);
    expect(res.statusDescription).toBe('Made It');
    expect(res.headers['x-mixed-case']).toEqual([{ key: 'X-MiXeD-Case', value: 'v' }]);
    expect(res.headers['set-cookie']!.map((e) => e.value)).toEqual(['a=1', 'b=2']);
    expect((await readBody(res)).toString()).toBe('body!');
  });

  it('§1.8 (D11) obeys a rewritten origin: a configured domain uses its mapping, another domain is used as given', async () => {
    const first = track(await httpOrigin((_req, res) => res.end('first')));
    const second = track(await httpOrigin((_req, res) => res.end('second')));
    const a = mapped(first, { id: 'a', domainName: 'a.example.com' });
    const b = mapped(second, { id: 'b', domainName: 'b.example.com' });
    const client = track(new OriginClient(distribution([a, b])));
    const req = originRequest(a);
    req.origin = { custom: { ...req.origin!.custom!, domainName: 'b.example.com' } };
    expect((await readBody(await client.fetch(req))).toString()).toBe('second');
    // Not configured: connected to as given (loopback name and the event's protocol/port).
    req.origin = { custom: { ...req.origin.custom!, domainName: '127.0.0.1', protocol: 'http', port: first.port, path: '/p' } };
    expect((await readBody(await client.fetch(req))).toString()).toBe('first');
    expect(first.seen.at(-1)!.url).toBe('/p/path/a.txt');
  });

  it('§1.7 sends the body of a POST with its length', async () => {
    const server = track(await httpOrigin((_req, res, body) => res.end(`got ${body.length}`)));
    const o = mapped(server);
    const client = track(new OriginClient(distribution([o])));
    const req = originRequest(o, { method: 'POST', headers: headers({ 'Content-Length': '99' }) });
    const res = await client.fetch(req, { body: Buffer.from('hello') });
    expect((await readBody(res)).toString()).toBe('got 5');
    expect(headerValues(server.seen[0]!.rawHeaders, 'content-length')).toEqual(['5']);
  });

  it('§4 keeps origin connections alive between requests', async () => {
    const server = track(await httpOrigin());
    const o = mapped(server);
    const client = track(new OriginClient(distribution([o])));
    await client.fetch(originRequest(o));
    // undici hands a keep-alive socket back one event-loop turn after a response (pipelining 1).
    await new Promise((resolve) => setImmediate(resolve));
    await client.fetch(originRequest(o));
    expect(server.seen).toHaveLength(2);
    expect(server.connections).toBe(1);
  });

  it('D18 passes a 5xx through as a response', async () => {
    const server = track(await httpOrigin((_req, res) => {
      res.writeHead(503, 'Busy');
      res.end('try later');
    }));
    const o = mapped(server);
    const client = track(new OriginClient(distribution([o])));
    const res = await client.fetch(originRequest(o));
    expect(res.status).toBe(503);
    expect((await readBody(res)).toString()).toBe('try later');
  });

  it('D18 answers a refused connection with 502 after the connection attempts', async () => {
    const server = await httpOrigin();
    await server.close();
    const o = mapped(server, { connectionAttempts: 2 });
    const client = track(new OriginClient(distribution([o])));
    const error = await failure(client.fetch(originRequest(o)));
    expect(error.status).toBe(502);
    expect(error.reason).toContain('ECONNREFUSED');
    expect(error.reason).toContain('2 attempts');
  });

  it('issue 9 a connection reset mid-body: the response has begun, and its streamed body fails', async () => {
    const server = track(await tcpOrigin((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial');
      setTimeout(() => socket.resetAndDestroy(), 20);
    }));
    const o = mapped(server);
    const client = track(new OriginClient(distribution([o])));
    const res = await client.fetch(originRequest(o));
    expect(res.status).toBe(200);
    await expect(readBody(res)).rejects.toThrow();
  });

  it('D18 answers a failed TLS handshake with 502', async () => {
    const server = track(await httpOrigin());
    const o = origin({ location: { kind: 'url', protocol: 'https', host: '127.0.0.1', port: server.port, basePath: '' } });
    const client = track(new OriginClient(distribution([o])));
    const error = await failure(client.fetch(originRequest(o)));
    expect(error.status).toBe(502);
  });

  it('D18 answers invalid HTTP with 502', async () => {
    const server = track(await tcpOrigin((socket) => socket.end('SMTP ready\r\n\r\n')));
    const o = mapped(server);
    const client = track(new OriginClient(distribution([o])));
    const error = await failure(client.fetch(originRequest(o)));
    expect(error.status).toBe(502);
  });

  it('§4 (D18) answers a stall before the headers with 504 and retries a GET within the attempts', async () => {
    const server = track(await tcpOrigin(() => undefined));
    const o = mapped(server, { readTimeoutSeconds: 0.3, connectionAttempts: 2 });
    const client = track(new OriginClient(distribution([o])));
    const error = await failure(client.fetch(originRequest(o)));
    expect(error.status).toBe(504);
    expect(error.reason).toContain('UND_ERR_HEADERS_TIMEOUT');
    expect(server.connections).toBe(2);
  });

  it('§7.2 does not retry a POST after a read timeout', async () => {
    const server = track(await tcpOrigin(() => undefined));
    const o = mapped(server, { readTimeoutSeconds: 0.3, connectionAttempts: 3 });
    const client = track(new OriginClient(distribution([o])));
    const error = await failure(client.fetch(originRequest(o, { method: 'POST' }), { body: Buffer.from('x') }));
    expect(error.status).toBe(504);
    expect(server.connections).toBe(1);
  });

  it('§4 a body that stalls longer than the read timeout fails the streamed body (the headers were already sent)', async () => {
    const server = track(await tcpOrigin((socket) => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc')));
    const o = mapped(server, { readTimeoutSeconds: 0.3, connectionAttempts: 1 });
    const client = track(new OriginClient(distribution([o])));
    const res = await client.fetch(originRequest(o));
    await expect(readBody(res)).rejects.toMatchObject({ code: 'UND_ERR_BODY_TIMEOUT' });
  });

  it('D30 answers an origin header block over 20,480 bytes with 502, and accepts one just under', async () => {
    let size = 21_000;
    const server = track(await httpOrigin((_req, res) => {
      res.setHeader('X-Big', 'a'.repeat(size));
      res.end('ok');
    }));
    const o = mapped(server);
    const client = track(new OriginClient(distribution([o])));
    const error = await failure(client.fetch(originRequest(o)));
    expect(error.status).toBe(502);
    expect(error.reason).toContain('20,480');
    size = 20_000;
    expect((await client.fetch(originRequest(o))).status).toBe(200);
  });

  it('D18 classifies connection timeouts as 504', () => {
    expect(classifyError(Object.assign(new Error('t'), { code: 'UND_ERR_CONNECT_TIMEOUT' }))).toMatchObject({
      kind: 'connect-timeout',
      status: 504,
    });
    expect(classifyError(Object.assign(new Error('t'), { code: 'ECONNRESET' })).status).toBe(502);
  });

  it('close() closes the pools', async () => {
    const server = track(await httpOrigin());
    const o = mapped(server);
    const client = new OriginClient(distribution([o]));
    await client.fetch(originRequest(o));
    await client.close();
    // A fresh pool is made on demand after close.
    expect((await client.fetch(originRequest(o))).status).toBe(200);
    await client.close();
  });
});
