import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

export interface RawOrigin {
  url: string;
  port: number;
  /** How many connections were accepted. */
  connections(): number;
  close(): Promise<void>;
}

/**
 * A TCP origin on 127.0.0.1 that answers with whatever bytes `respond` writes (or none): for origins that break
 * HTTP, reset or stall. `respond` gets the socket and the request head (up to the blank line) of each request.
 */
export async function startRawOrigin(respond: (socket: Socket, head: string) => void): Promise<RawOrigin> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      const end = buffered.indexOf('\r\n\r\n');
      if (end === -1) return;
      const head = buffered.slice(0, end);
      buffered = buffered.slice(end + 4);
      respond(socket, head);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    connections: () => accepted,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port with nothing listening on it (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
