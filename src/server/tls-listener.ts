import { createServer as createHttp2Server } from 'node:http2';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import { createServer as createTlsServer } from 'node:tls';
import type { Server as TlsServer, TLSSocket } from 'node:tls';
import { handleViewerRequest } from '../edge/index.js';
import type { EdgeResponse, ViewerRequest } from '../edge/index.js';
import { clientIpOf, createEdgeListener } from './edge-listener.js';
import type { TlsCredentials } from './self-signed-certificate.js';
import { tlsDescription } from './tls-description.js';
import type { EdgeHolder } from './types.js';
import type { ViewerTimeouts } from './viewer-timeouts.js';
import { abandonResponse, writeBody } from './write-body.js';

// RFC 9113 §8.2.2: connection-specific fields are not sent over HTTP/2.
const NOT_IN_HTTP2 = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']);
// api:DistributionConfig HttpVersion: every value but http1.1 lets viewers use HTTP/2.
const HTTP2_VERSIONS = new Set(['http2', 'http2and3', 'http3']);

/** Whether the distribution's `HttpVersion` lets viewers speak HTTP/2 (default http2). */
export function allowsHttp2(raw: unknown): boolean {
  const version = (raw as { HttpVersion?: unknown } | null)?.HttpVersion;
  return typeof version !== 'string' || HTTP2_VERSIONS.has(version);
}

/**
 * Issue 11: `--https-port`. TLS with ALPN; HTTP/1.1 connections go through the plain listener's code unchanged (as
 * HTTPS, with their TLS facts), HTTP/2 streams (when HttpVersion allows) through the same edge.
 */
export function createTlsEdgeListener(holder: EdgeHolder, credentials: TlsCredentials, http2: boolean, timeouts: ViewerTimeouts): TlsServer {
  const http1 = createEdgeListener(holder, () => true, timeouts);
  const h2 = createHttp2Server();
  h2.on('request', (req, res) => serveHttp2(holder, req, res));
  const server = createTlsServer({ cert: credentials.cert, key: credentials.key, ALPNProtocols: http2 ? ['h2', 'http/1.1'] : ['http/1.1'] });
  server.on('secureConnection', (socket: TLSSocket) => {
    socket.on('error', () => socket.destroy());
    if (socket.alpnProtocol === 'h2') h2.emit('connection', socket);
    else http1.emit('connection', socket);
  });
  server.on('tlsClientError', (_error, socket) => socket.destroy());
  return server;
}

function serveHttp2(holder: EdgeHolder, req: Http2ServerRequest, res: Http2ServerResponse): void {
  const socket = req.stream.session?.socket as TLSSocket;
  const rawHeaders: string[] = [];
  const authority = req.headers[':authority'];
  if (typeof authority === 'string') rawHeaders.push('Host', authority);
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.charCodeAt(0) !== 58 /* : */) rawHeaders.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  const viewer: ViewerRequest = {
    method: req.method,
    url: req.url,
    httpVersion: '2.0',
    rawHeaders,
    body: Buffer.alloc(0),
    clientIp: clientIpOf(socket),
    clientPort: socket?.remotePort ?? 0,
    https: true,
    tls: tlsDescription(socket),
  };
  // HTTP/2 DATA frames may come without a Content-Length: whether the stream ended with its headers is what tells.
  const hasBody = !req.stream.endAfterHeaders;
  if (!hasBody) return dispatch(holder, viewer, res);
  if (viewer.method !== 'GET' && viewer.method !== 'HEAD' && viewer.method !== 'OPTIONS') {
    viewer.bodyStream = req;
    return dispatch(holder, viewer, res);
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    viewer.body = Buffer.concat(chunks);
    dispatch(holder, viewer, res);
  });
}

function dispatch(holder: EdgeHolder, viewer: ViewerRequest, res: Http2ServerResponse): void {
  const result = handleViewerRequest(holder.deps, viewer);
  if (!(result instanceof Promise)) return send(res, result);
  result.then(
    (response) => send(res, response),
    (error: unknown) => {
      holder.deps.options.log(`[edge-dev internal error] ${(error as Error)?.stack ?? String(error)}`);
      res.stream.close();
    },
  );
}

function send(res: Http2ServerResponse, response: EdgeResponse): void {
  if (res.stream.destroyed) return abandonResponse(response);
  const headers: Record<string, string | string[]> = {};
  for (let i = 0; i < response.rawHeaders.length; i += 2) {
    const name = response.rawHeaders[i]!.toLowerCase();
    if (NOT_IN_HTTP2.has(name)) continue;
    const value = response.rawHeaders[i + 1]!;
    const previous = headers[name];
    headers[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  res.writeHead(response.status, headers);
  writeBody(res, response);
}
