import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import { CLOUDFRONT_TEXT, headerLinesBytes, MAX_HEADER_BLOCK_BYTES, newRequestId, requestLineBytes } from '../event/index.js';
import { cloudFrontErrorResponse, handleUpgradeRequest, handleViewerRequest, rejectViewerRequest, withEdgeHeaders } from '../edge/index.js';
import type { EdgeResponse, ViewerRequest } from '../edge/index.js';
import type { EdgeHolder } from './types.js';
import { SummaryLog } from './summary-log.js';
import { joinSockets, responseOn } from './upgrade-sockets.js';
import { DEFAULT_VIEWER_TIMEOUTS } from './viewer-timeouts.js';
import { tlsDescription } from './tls-description.js';
import type { ViewerTimeouts } from './viewer-timeouts.js';
import { abandonResponse, writeBody } from './write-body.js';

// §4: CloudFront answers 413 above 8,192 bytes of URL (and above MAX_HEADER_BLOCK_BYTES of request line + headers).
const MAX_URL_BYTES = 8192;
// RFC 9112 §3.2.2: an absolute-form target (`GET http://host/path`) is served as its path.
const ABSOLUTE_FORM = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;
/**
 * The viewer-facing listener. Plain `node:http`, not a Web `Request`: events need the headers' wire case, order and
 * repeats (§1.6), which only `rawHeaders` keeps. It decides nothing about CloudFront; `edge/` does.
 */
export function createEdgeListener(holder: EdgeHolder, isHttps: () => boolean, timeouts: ViewerTimeouts = DEFAULT_VIEWER_TIMEOUTS): Server {
  const log = () => holder.deps.options.log;
  const gone = new SummaryLog(log, (count) => `[viewer] ${count} more connection(s) went away or sent no complete request in time`);
  const stalled = new SummaryLog(log, (count) => `[viewer] ${count} more viewer(s) stopped reading a response; their connections were closed`);
  const sendOptions: SendOptions = { sendIdleMs: timeouts.sendIdleMs, stalled };
  const server = createServer({
    maxHeaderSize: 32 * 1024,
    requireHostHeader: false,
    headersTimeout: timeouts.headersMs,
    connectionsCheckingInterval: Math.min(30_000, Math.max(50, timeouts.headersMs / 4)),
  }, (req, res) => {
    const viewer = toViewerRequest(req, isHttps());
    if (viewer.url.charCodeAt(0) !== 47 /* / */) {
      // Not origin-form (`OPTIONS *`, `GET x`): nothing CloudFront could match a behavior against.
      sendResponse(res, { ...rejectViewerRequest(holder.deps, viewer, 400, CLOUDFRONT_TEXT.badRequest), closeConnection: true }, sendOptions);
      return;
    }
    const blockBytes = requestLineBytes(req.method!, req.url!) + headerLinesBytes(req.rawHeaders);
    if (Buffer.byteLength(req.url!) > MAX_URL_BYTES || blockBytes > MAX_HEADER_BLOCK_BYTES) {
      const tooLarge = rejectViewerRequest(holder.deps, viewer, 413, CLOUDFRONT_TEXT.requestTooLarge);
      sendResponse(res, { ...tooLarge, closeConnection: true }, sendOptions);
      return;
    }
    if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
      dispatch(holder, viewer, res, sendOptions);
      return;
    }
    if (!BUFFERED_BODY_METHODS.has(viewer.method)) {
      // Issue 9: the body streams to the origin as it arrives (a handler's IncludeBody reads only its share).
      viewer.bodyStream = req;
      dispatch(holder, viewer, res, sendOptions);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      viewer.body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      dispatch(holder, viewer, res, sendOptions);
    });
    req.on('error', () => res.destroy());
  });
  // D30 counts every header line: node would otherwise keep only the first 2,000 entries and drop the rest unseen.
  server.maxHeadersCount = 0;
  // Malformed HTTP (bad framing, conflicting Content-Length/Transfer-Encoding, oversized headers): answer like
  // CloudFront (400, or 413 for headers over the limit) and close; the server keeps serving.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // Not malformed: a viewer that went away, or sent no complete request within the headers timeout. Counted quietly.
    if (!socket.writable || error.code === 'ERR_HTTP_REQUEST_TIMEOUT' || error.code === 'ECONNRESET') {
      socket.destroy();
      gone.record(`[viewer] a connection went away or sent no complete request within ${timeouts.headersMs / 1000} s; closed (later ones are counted, not listed)`);
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 413 : isUnknownMethod(error) ? 403 : 400;
    const requestId = newRequestId();
    holder.deps.options.log(`[viewer] ${requestId} ${status}: malformed request (${error.code ?? 'unknown'}: ${error.message})`);
    socket.end(clientErrorBytes(status, requestId, holder.deps.options.pop));
  });
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const viewer = toViewerRequest(req, isHttps());
    // `Upgrade: h2c` (curl --http2 on http://) and the like are ordinary HTTP/1.1 requests to CloudFront.
    if (req.headers.upgrade?.toLowerCase() !== 'websocket') return dispatch(holder, viewer, responseOn(req, socket), sendOptions);
    handleUpgradeRequest(holder.deps, viewer).then(
      (result) => {
        // The viewer left during the handshake: nothing to join, and the origin's side must not be left open.
        if (socket.destroyed) return result.kind === 'upgraded' ? void result.socket.destroy() : void result.response.stream?.destroy();
        if (result.kind === 'response') return sendResponse(responseOn(req, socket), result.response, sendOptions);
        joinSockets(socket, head, result.head, result.socket, result.originHead);
      },
      (error: unknown) => {
        holder.deps.options.log(`[edge-dev internal error] ${(error as Error)?.stack ?? String(error)}`);
        socket.destroy();
      },
    );
  });
  // CONNECT asks for a tunnel, which CloudFront never opens: no distribution may allow it (api:AllowedMethods), so it
  // gets the invalid-method 403 (dg:http-403-invalid-method) instead of node's silent close.
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    socket.on('error', () => socket.destroy());
    const requestId = newRequestId();
    holder.deps.options.log(`[viewer] ${requestId} 403: CONNECT ${req.url ?? ''} refused: CloudFront does not open tunnels`);
    socket.end(clientErrorBytes(403, requestId, holder.deps.options.pop));
  });
  return server;
}

// A well-formed request line whose method token Node's parser does not know (`FOO / HTTP/1.1`).
const REQUEST_LINE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+ \S+ HTTP\/\d\.\d\r?\n/;

function isUnknownMethod(error: NodeJS.ErrnoException & { rawPacket?: Buffer }): boolean {
  return error.code === 'HPE_INVALID_METHOD' && error.rawPacket !== undefined && REQUEST_LINE.test(error.rawPacket.toString('latin1'));
}

/** CloudFront's page for a request Node's parser refused (no request to hand to `edge/`), connection closed. */
function clientErrorBytes(status: 400 | 403 | 413, requestId: string, pop: string): string {
  // dg:http-403-invalid-method: an unknown method is one the distribution does not allow (§7.2).
  const message = status === 413 ? CLOUDFRONT_TEXT.requestTooLarge : status === 403 ? CLOUDFRONT_TEXT.methodNotAllowed : CLOUDFRONT_TEXT.badRequest;
  const page = withEdgeHeaders(cloudFrontErrorResponse(status, message, requestId), 'Error from cloudfront', pop, requestId);
  const head = [`HTTP/1.1 ${status} ${page.statusDescription}`];
  for (let i = 0; i < page.rawHeaders.length; i += 2) head.push(`${page.rawHeaders[i]}: ${page.rawHeaders[i + 1]}`);
  head.push('Connection: close');
  return `${head.join('\r\n')}\r\n\r\n${page.body.toString('latin1')}`;
}

function toViewerRequest(req: IncomingMessage, https: boolean): ViewerRequest {
  const socket = req.socket;
  const url = req.url!;
  // Issue 11: the TLS listener hands its HTTP/1.1 connections to this listener: they are HTTPS, with their TLS facts.
  if (socket instanceof TLSSocket) return { ...viewerRequestOn(req, url, socket), https: true, tls: tlsDescription(socket) };
  return viewerRequestOn(req, url, socket, https);
}

function viewerRequestOn(req: IncomingMessage, url: string, socket: Socket, https = true): ViewerRequest {
  return {
    method: req.method!,
    url: url.charCodeAt(0) === 47 ? url : originForm(url),
    httpVersion: req.httpVersion,
    rawHeaders: req.rawHeaders,
    body: EMPTY,
    clientIp: clientIpOf(socket),
    clientPort: socket.remotePort ?? 0,
    https,
  };
}

const EMPTY = Buffer.alloc(0);
// Bodies on these are read whole: §7.2 refuses a GET with a body, and origin failover (§2.5) may send them twice.
const BUFFERED_BODY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originForm(url: string): string {
  const authority = ABSOLUTE_FORM.exec(url);
  if (authority === null) return url;
  const rest = url.slice(authority[0].length);
  return rest.charCodeAt(0) === 47 ? rest : `/${rest}`;
}

function dispatch(holder: EdgeHolder, viewer: ViewerRequest, res: ServerResponse, options: SendOptions): void {
  const result = handleViewerRequest(holder.deps, viewer);
  if (!(result instanceof Promise)) return sendResponse(res, result, options);
  result.then(
    (response) => sendResponse(res, response, options),
    (error: unknown) => {
      holder.deps.options.log(`[edge-dev internal error] ${(error as Error)?.stack ?? String(error)}`);
      res.destroy();
    },
  );
}

interface SendOptions {
  sendIdleMs: number;
  stalled: SummaryLog;
}

function sendResponse(res: ServerResponse, response: EdgeResponse, options: SendOptions): void {
  if (res.destroyed) return abandonResponse(response);
  if (response.closeConnection) res.shouldKeepAlive = false;
  res.writeHead(response.status, response.statusDescription, response.rawHeaders);
  writeBody(res, response);
  if (!res.writableFinished) closeWhenStalled(res, options);
}

// A viewer that stops reading would hold the response in memory forever: its socket is closed once the response has
// been waiting on the viewer for sendIdleMs. A quiet origin (server-sent events) is not a stall: the timer re-arms.
// Node's own keep-alive timer replaces this one when the response finishes.
function closeWhenStalled(res: ServerResponse, { sendIdleMs, stalled }: SendOptions): void {
  const socket = res.socket;
  if (socket === null) return;
  const onIdle = () => {
    if (!res.writableNeedDrain) {
      socket.setTimeout(sendIdleMs);
      return;
    }
    stalled.record(`[viewer] a viewer stopped reading a response for ${sendIdleMs / 1000} s; its connection was closed (later ones are counted, not listed)`);
    socket.destroy();
  };
  socket.setTimeout(sendIdleMs, onIdle);
  res.once('finish', () => socket.off('timeout', onIdle));
  res.once('close', () => socket.off('timeout', onIdle));
}


/** The viewer's address as CloudFront reports it: IPv4-mapped IPv6 (`::ffff:127.0.0.1`) as plain IPv4. */
export function clientIpOf(socket: { remoteAddress?: string } | undefined): string {
  const address = socket?.remoteAddress ?? '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
