import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  rawHeaders: string[];
  headers: IncomingMessage['headers'];
  body: string;
  /** The connection, so a test can drop it mid-exchange. */
  socket: Socket;
}

export interface TestOrigin {
  url: string;
  port: number;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** A real HTTP origin on 127.0.0.1 that records what reached it. */
export async function startOrigin(
  respond: (req: SeenRequest, res: ServerResponse) => void = (_req, res) => res.end('origin body'),
): Promise<TestOrigin> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen = { method: req.method!, url: req.url!, rawHeaders: req.rawHeaders, headers: req.headers, body: Buffer.concat(chunks).toString(), socket: req.socket };
      requests.push(seen);
      respond(seen, res);
    });
  });
  // Record every header that arrived, not just node's first 2,000 entries.
  server.maxHeadersCount = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
