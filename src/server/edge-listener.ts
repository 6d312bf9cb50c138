import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { CLOUDFRONT_TEXT, newRequestId } from '../event/index.js';
import { cloudFrontErrorResponse, handleViewerRequest, rejectViewerRequest, withEdgeHeaders } from '../edge/index.js';
import type { EdgeResponse, ViewerRequest } from '../edge/index.js';
import type { EdgeHolder } from './types.js';

// §4, D30: CloudFront answers 413 above 8,192 bytes of URL or 20,480 bytes of request line + headers.
const MAX_URL_BYTES = 8192;
const MAX_HEADER_BYTES = 20480;
// RFC 9112 §3.2.2: an absolute-form target (`GET http://host/path`) is served as its path.
const ABSOLUTE_FORM = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;
/**
 * The viewer-facing listener. Plain `node:http`, not a Web `Request`: events need the headers' wire case, order and
 * repeats (§1.6), which only `rawHeaders` keeps. It decides nothing about CloudFront; `edge/` does.
 */
export function createEdgeListener(holder: EdgeHolder, isHttps: () => boolean): Server {
  const server = createServer({ maxHeaderSize: 32 * 1024, requireHostHeader: false }, (req, res) => {
    const viewer = toViewerRequest(req, isHttps());
    if (viewer.url.charCodeAt(0) !== 47 /* / */) {
      // Not origin-form (`OPTIONS *`, `GET x`): nothing CloudFront could match a behavior against.
      send(res, { ...rejectViewerRequest(holder.deps, viewer, 400, 'Bad request.'), closeConnection: true });
      return;
    }
    const requestLineBytes = req.method!.length + req.url!.length + 12;
    if (Buffer.byteLength(req.url!) > MAX_URL_BYTES || requestLineBytes + rawHeaderBytes(req.rawHeaders) > MAX_HEADER_BYTES) {
      const tooLarge = rejectViewerRequest(holder.deps, viewer, 413, CLOUDFRONT_TEXT.requestTooLarge);
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
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 413 : isUnknownMethod(error) ? 403 : 400;
    const requestId = newRequestId();
    holder.deps.options.log(`[viewer] ${requestId} ${status}: malformed request (${error.code ?? 'unknown'}: ${error.message})`);
    socket.end(clientErrorBytes(status, requestId, holder.deps.options.pop));
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
  const message = status === 413 ? CLOUDFRONT_TEXT.requestTooLarge : status === 403 ? CLOUDFRONT_TEXT.methodNotAllowed : 'Bad request.';
  const page = withEdgeHeaders(cloudFrontErrorResponse(status, message, requestId), 'Error from cloudfront', pop, requestId);
  const head = [`HTTP/1.1 ${status} ${page.statusDescription}`];
  for (let i = 0; i < page.rawHeaders.length; i += 2) head.push(`${page.rawHeaders[i]}: ${page.rawHeaders[i + 1]}`);
  head.push('Connection: close');
  return `${head.join('\r\n')}\r\n\r\n${page.body.toString('latin1')}`;
}

function toViewerRequest(req: IncomingMessage, https: boolean): ViewerRequest {
  const socket = req.socket;
  const url = req.url!;
  return {
    method: req.method!,
    url: url.charCodeAt(0) === 47 ? url : originForm(url),
    httpVersion: req.httpVersion,
    rawHeaders: req.rawHeaders,
    body: EMPTY,
    clientIp: (socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    clientPort: socket.remotePort ?? 0,
    https,
  };
}

const EMPTY = Buffer.alloc(0);

function originForm(url: string): string {
  const authority = ABSOLUTE_FORM.exec(url);
  if (authority === null) return url;
  const rest = url.slice(authority[0].length);
  return rest.charCodeAt(0) === 47 ? rest : `/${rest}`;
}

function rawHeaderBytes(raw: readonly string[]): number {
  let total = 0;
  for (let i = 0; i < raw.length; i++) total += raw[i]!.length + 2;
  return total;
}

function dispatch(holder: EdgeHolder, viewer: ViewerRequest, res: ServerResponse): void {
  const result = handleViewerRequest(holder.deps, viewer);
  if (!(result instanceof Promise)) return send(res, result);
  result.then(
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
  res.writeHead(response.status, response.statusDescription, response.rawHeaders);
  res.end(response.body);
}
