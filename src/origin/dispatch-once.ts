import type { Dispatcher } from 'undici';
import type { HttpResponse } from '../event/types.js';
import { headerLinesBytes, headersFromRawHeaders, MAX_HEADER_BLOCK_BYTES, statusLineBytes } from '../event/index.js';

/** Raised when the origin's header block is over MAX_HEADER_BLOCK_BYTES (D30; mapped to 502 by classifyError). */
export class HeaderBlockTooLargeError extends Error {
  readonly code = 'EDGE_DEV_ORIGIN_HEADERS_TOO_LARGE';
  constructor(readonly bytes: number) {
    super(`origin response header block is ${bytes} bytes, over CloudFront's ${MAX_HEADER_BLOCK_BYTES}`);
    this.name = 'HeaderBlockTooLargeError';
  }
}

export interface DispatchInput {
  method: string;
  /** Path and query, starting with `/`. */
  path: string;
  /** Flat [name, value, ...] with wire case. */
  headers: string[];
  body: Buffer | undefined;
  /** §4: the origin response (read) timeout, for the headers and between body chunks. */
  readTimeoutMs: number;
}

/**
 * One request through an undici dispatcher with the handler API that exposes raw header case and the reason
 * phrase (undici's `request`/`fetch` lower-case names and drop the phrase). Bodies are buffered.
 */
class BufferingHandler implements Dispatcher.DispatchHandler {
  private abort: ((err?: Error) => void) | undefined;
  private status = 0;
  private statusText = '';
  private rawHeaders: string[] = [];
  private readonly chunks: Buffer[] = [];

  constructor(
    private readonly resolve: (response: HttpResponse) => void,
    private readonly reject: (error: Error) => void,
  ) {}

  onConnect(abort: (err?: Error) => void): void {
    this.abort = abort;
  }

  onHeaders(statusCode: number, headers: Buffer[], _resume: () => void, statusText: string): boolean {
    if (statusCode < 200) return true; // 1xx informational: wait for the final response
    const bytes = statusLineBytes(statusCode, statusText) + headerLinesBytes(headers);
    if (bytes > MAX_HEADER_BLOCK_BYTES) {
      this.abort?.(new HeaderBlockTooLargeError(bytes));
      return false;
    }
    this.status = statusCode;
    this.statusText = statusText;
    const raw: string[] = new Array(headers.length);
    for (let i = 0; i < headers.length; i++) raw[i] = headers[i]!.toString('latin1');
    this.rawHeaders = raw;
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    this.resolve({
      status: this.status,
      statusDescription: this.statusText,
      headers: headersFromRawHeaders(this.rawHeaders),
      body: this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks),
    });
  }

  onError(error: Error): void {
    this.reject(error);
  }
}

/** Sends one request and buffers the response; rejects with undici's (or HeaderBlockTooLargeError) error. */
export function dispatchOnce(dispatcher: Dispatcher, input: DispatchInput): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    const handler = new BufferingHandler(resolve, reject);
    dispatcher.dispatch(
      {
        method: input.method as Dispatcher.HttpMethod,
        path: input.path,
        headers: input.headers,
        body: input.body,
        headersTimeout: input.readTimeoutMs,
        bodyTimeout: input.readTimeoutMs,
      },
      handler,
    );
  });
}
