import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';

/**
 * Issue 9, §5.7: an object is stored as it passes to the viewer, without delaying it. The bytes are kept until the
 * body ends (then `filled` gets them) or turns out larger than `maxBytes` (then they are let go and the object is
 * not stored). A body that fails or is abandoned part-way is never stored (dg:RequestAndResponseBehaviorCustomOrigin,
 * "Canceled requests"): `filled(undefined)`. `filled` is called exactly once.
 */
export class CacheFill extends Transform {
  private chunks: Buffer[] | undefined = [];
  private bytes = 0;
  private settled = false;

  constructor(
    private readonly maxBytes: number,
    private readonly filled: (body: Buffer | undefined) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.chunks !== undefined) {
      this.bytes += chunk.length;
      if (this.bytes > this.maxBytes) {
        this.chunks = undefined;
        this.settle(undefined);
      } else {
        this.chunks.push(chunk);
      }
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const chunks = this.chunks;
    this.chunks = undefined;
    this.settle(chunks === undefined ? undefined : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.chunks = undefined;
    this.settle(undefined);
    callback(error);
  }

  private settle(body: Buffer | undefined): void {
    if (this.settled) return;
    this.settled = true;
    this.filled(body);
  }
}
