import type { TLSSocket } from 'node:tls';

// Connections that have carried a request already: the next ones on them are `connectionReused`.
const used = new WeakSet<TLSSocket>();

/**
 * §6.3: `CloudFront-Viewer-TLS` is `<version>:<cipher>:<fullHandshake|sessionResumed|connectionReused>`, e.g.
 * `TLSv1.3:TLS_AES_128_GCM_SHA256:sessionResumed`, with the IANA cipher name (dg:adding-cloudfront-headers): how
 * this request's connection was set up, or `connectionReused` for every request after a connection's first
 * (keep-alive, HTTP/2 streams).
 */
export function tlsDescription(socket: TLSSocket): string {
  const cipher = socket.getCipher();
  const setUp = used.has(socket) ? 'connectionReused' : socket.isSessionReused() ? 'sessionResumed' : 'fullHandshake';
  used.add(socket);
  return `${socket.getProtocol() ?? 'unknown'}:${cipher.standardName ?? cipher.name}:${setUp}`;
}
