import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Duplex } from 'node:stream';
import { headersFromRawHeaders } from '../event/index.js';
import type { HttpResponse } from '../event/types.js';
import { OriginError } from './errors.js';

/** The origin agreed to switch protocols: its 101 head and the connection, now the WebSocket's. */
export interface UpgradedOrigin {
  statusDescription: string;
  rawHeaders: string[];
  socket: Duplex;
  /** Bytes the origin sent after its 101 head. */
  head: Buffer;
}

/**
 * Issue 9 (dg:distribution-working-with.websockets): one WebSocket handshake with the origin, on its own connection
 * (an upgraded connection leaves the pool). Resolves with the upgraded connection, or with the origin's ordinary
 * response when it did not switch; rejects with OriginError (D18) when there was no answer.
 */
export function upgradeOnce(base: string, path: string, headers: string[], timeoutMs: number): Promise<UpgradedOrigin | HttpResponse> {
  const url = new URL(base);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send({ host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port, method: 'GET', path, headers, timeout: timeoutMs });
    request.on('upgrade', (response, socket, head) => {
      resolve({ statusDescription: response.statusMessage ?? 'Switching Protocols', rawHeaders: response.rawHeaders, socket, head });
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 502,
          statusDescription: response.statusMessage ?? '',
          headers: headersFromRawHeaders(response.rawHeaders),
          body: Buffer.concat(chunks),
        }),
      );
      response.on('error', (error) => reject(new OriginError(502, `origin ${base}: ${error.message}`)));
    });
    request.on('timeout', () => request.destroy(Object.assign(new Error('no handshake answer within the origin response timeout'), { code: 'ETIMEDOUT' })));
    request.on('error', (error: NodeJS.ErrnoException) => {
      const status = error.code === 'ETIMEDOUT' ? 504 : 502;
      reject(new OriginError(status, `origin ${base}: WebSocket handshake failed: ${error.message} (${error.code ?? 'error'})`));
    });
    request.end();
  });
}
