import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { headersToRawHeaders } from '../event/index.js';
import { handleViewerRequest, rejectViewerRequest } from '../edge/index.js';
import type { EdgeResponse, ViewerRequest } from '../edge/index.js';
import type { EdgeHolder } from './types.js';

// §4, D30: CloudFront answers 413 above 8,192 bytes of URL or 20,480 bytes of request line + headers.
const MAX_URL_BYTES = 8192;
const MAX_HEADER_BYTES = 20480;

/**
 * The viewer-facing listener. Plain `node:http`, not a Web `Request`: events need the headers' wire case, order and
 * repeats (§1.6), which only `rawHeaders` keeps. It decides nothing about CloudFront; `edge/` does.
 */
export function createEdgeListener(holder: EdgeHolder, isHttps: () => boolean): Server {
  const server = createServer({ maxHeaderSize: 32 * 1024, requireHostHeader: false }, (req, res) => {
    const viewer = toViewerRequest(req, isHttps());
    const requestLineBytes = req.method!.length + req.url!.length + 12;
    if (Buffer.byteLength(req.url!) > MAX_URL_BYTES || requestLineBytes + rawHeaderBytes(req.rawHeaders) > MAX_HEADER_BYTES) {
      const tooLarge = rejectViewerRequest(holder.deps, viewer, 413, 'Bad request: the request line and headers are too large.');
      send(res, { ...tooLarge, closeConnection: true });
      return;
    }
    if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
      dispatch(holder, viewer, res);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      viewer.body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      dispatch(holder, viewer, res);
    });
    req.on('error', () => res.destroy());
  });
  // Malformed HTTP (bad framing, conflicting Content-Length/Transfer-Encoding, oversized headers): answer like
  // CloudFront (400, or 413 for headers over the limit) and close; the server keeps serving.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '413 Request Entity Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nServer: CloudFront\r\nContent-Type: text/html\r\nContent-Length: 0\r\nX-Cache: Error from cloudfront\r\nConnection: close\r\n\r\n`);
  });
  return server;
}

function toViewerRequest(req: IncomingMessage, https: boolean): ViewerRequest {
  const socket = req.socket;
  return {
    method: req.method!,
    url: req.url!,
    httpVersion: req.httpVersion,
    rawHeaders: req.rawHeaders,
    body: EMPTY,
    clientIp: (socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    clientPort: socket.remotePort ?? 0,
    https,
  };
}

const EMPTY = Buffer.alloc(0);

function rawHeaderBytes(raw: readonly string[]): number {
  let total = 0;
  for (let i = 0; i < raw.length; i++) total += raw[i]!.length + 2;
  return total;
}

function dispatch(holder: EdgeHolder, viewer: ViewerRequest, res: ServerResponse): void {
  handleViewerRequest(holder.deps, viewer).then(
    (response) => send(res, response),
    (error: unknown) => {
      holder.deps.options.log(`[edge-dev internal error] ${(error as Error)?.stack ?? String(error)}`);
      res.destroy();
    },
  );
}

function send(res: ServerResponse, response: EdgeResponse): void {
  if (res.destroyed) return;
  if (response.closeConnection) res.shouldKeepAlive = false;
  res.writeHead(response.status, response.statusDescription, headersToRawHeaders(response.headers));
  res.end(response.body);
}
