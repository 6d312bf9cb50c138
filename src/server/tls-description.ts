import type { TLSSocket } from 'node:tls';

/**
 * §6.3: `CloudFront-Viewer-TLS` is `<version>:<cipher>:<fullHandshake|sessionResumed|connectionReused>`, e.g.
 * `TLSv1.3:TLS_AES_128_GCM_SHA256:sessionResumed`, with the IANA cipher name (dg:adding-cloudfront-headers).
 */
export function tlsDescription(socket: TLSSocket): string {
  const cipher = socket.getCipher();
  return `${socket.getProtocol() ?? 'unknown'}:${cipher.standardName ?? cipher.name}:${socket.isSessionReused() ? 'sessionResumed' : 'fullHandshake'}`;
}
