import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { HttpResponse } from '../event/types.js';
import { OriginBody } from './origin-body.js';
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
  body: Buffer | Readable | undefined;
  /** §4: the origin response (read) timeout, for the headers and between body chunks. */
  readTimeoutMs: number;
}

/**
 * One request through an undici dispatcher with the handler API that exposes raw header case and the reason
 * phrase (undici's `request`/`fetch` lower-case names and drop the phrase). Resolves as soon as the headers are in;
 * the body streams (issue 9) with backpressure: a full stream pauses the origin read, destroying it aborts it.
 */
class StreamingHandler implements Dispatcher.DispatchHandler {
  private abort: ((err?: Error) => void) | undefined;
  private resume: (() => void) | undefined;
  private body: OriginBody | undefined;

  constructor(
    private readonly resolve: (response: HttpResponse) => void,
    private readonly reject: (error: Error) => void,
  ) {}

  onConnect(abort: (err?: Error) => void): void {
    this.abort = abort;
  }

  onHeaders(statusCode: number, headers: Buffer[], resume: () => void, statusText: string): boolean {
    if (statusCode < 200) return true; // 1xx informational: wait for the final response
    const bytes = statusLineBytes(statusCode, statusText) + headerLinesBytes(headers);
    if (bytes > MAX_HEADER_BLOCK_BYTES) {
      this.abort?.(new HeaderBlockTooLargeError(bytes));
      return false;
    }
    const raw: string[] = new Array(headers.length);
    for (let i = 0; i < headers.length; i++) raw[i] = headers[i]!.toString('latin1');
    this.resume = resume;
    this.body = new OriginBody({
      read: () => this.resume?.(),
      destroy: (error, callback) => {
        // The reader went away (or the edge dropped the response): stop reading from the origin.
        if (!this.body!.complete) this.abort?.(error ?? new Error('the response was not needed'));
        callback(error);
      },
    });
    this.resolve({ status: statusCode, statusDescription: statusText, headers: headersFromRawHeaders(raw), body: EMPTY, stream: this.body });
    return true;
  }

  onData(chunk: Buffer): boolean {
    return this.body!.push(chunk);
  }

  onComplete(): void {
    this.body!.finish();
  }

  onError(error: Error): void {
    // Before the headers: no response. After: the body fails mid-way, and whoever reads it sees the error.
    if (this.body === undefined) this.reject(error);
    else this.body.destroy(error);
  }
}

const EMPTY = Buffer.alloc(0);

/** Sends one request; resolves with the status and headers and a streaming body, or rejects with undici's error. */
export function dispatchOnce(dispatcher: Dispatcher, input: DispatchInput): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    const handler = new StreamingHandler(resolve, reject);
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
