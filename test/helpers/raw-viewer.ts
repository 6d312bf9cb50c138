import { connect } from 'node:net';

export interface RawResponse {
  /** Everything the edge sent before it closed the connection (or before `idleMs` of silence). */
  raw: string;
  status: number;
  headers: Map<string, string>;
  body: string;
  /** The edge closed the connection. */
  closed: boolean;
}

/**
 * Sends bytes to a listener on 127.0.0.1 exactly as given (no client-side checks) and reads what comes back,
 * until the edge closes the connection or the answer is complete and `idleMs` pass without more data.
 */
export function sendRaw(port: number, request: string | Buffer, idleMs = 100): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let idle: NodeJS.Timeout | undefined;
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(idle);
      socket.destroy();
      resolve(parse(Buffer.concat(chunks).toString('latin1'), closed));
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      clearTimeout(idle);
      if (isComplete(Buffer.concat(chunks).toString('latin1'))) idle = setTimeout(finish, idleMs, false);
    });
    socket.on('close', () => finish(true));
    socket.on('error', (error: NodeJS.ErrnoException) => (chunks.length ? finish(true) : reject(error)));
    socket.write(request);
  });
}

function isComplete(raw: string): boolean {
  const end = raw.indexOf('\r\n\r\n');
  if (end === -1) return false;
  const length = /\r\ncontent-length: *(\d+)/i.exec(raw.slice(0, end))?.[1];
  return length === undefined || raw.length - end - 4 >= Number(length);
}

function parse(raw: string, closed: boolean): RawResponse {
  const end = raw.indexOf('\r\n\r\n');
  const head = end === -1 ? raw : raw.slice(0, end);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { raw, status: Number(statusLine.split(' ')[1] ?? 0), headers, body: end === -1 ? '' : raw.slice(end + 4), closed };
}
