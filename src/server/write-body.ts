import { pipeline } from 'node:stream';
import type { Writable } from 'node:stream';
import { takeWholeBody } from '../origin/index.js';
import type { EdgeResponse } from '../edge/index.js';

/**
 * Sends a response's body once its head is written, on HTTP/1.1 and HTTP/2 alike: in one write when it is whole
 * (generated, cached, or an origin's body that has all arrived), else streamed with backpressure (issue 9). A viewer
 * that leaves ends the origin read; an origin that fails mid-body ends the viewer's response (the status is sent).
 */
export function writeBody(res: Writable, response: EdgeResponse): void {
  const whole = response.stream === undefined ? response.body : takeWholeBody(response.stream);
  if (whole !== undefined) {
    res.end(whole);
    response.sent?.(whole.length);
    return;
  }
  let bytes = 0;
  const stream = response.stream!;
  stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
  pipeline(stream, res, (error) => response.sent?.(bytes, error ?? undefined));
}

/**
 * The viewer left before the response was ready: its origin read ends, and it is reported like any response the
 * viewer abandoned (its request line, its functions' logs, its access log line are not lost).
 */
export function abandonResponse(response: EdgeResponse): void {
  response.stream?.destroy();
  const gone = Object.assign(new Error('the viewer went away before the response was ready'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
  response.sent?.(0, gone);
}
