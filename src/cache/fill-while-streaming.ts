import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';

/**
 * Issue 9, §5.7: an object is stored as it passes to the viewer, without delaying it. The bytes are kept until the
 * body ends (then `filled` gets them) or turns out larger than `maxBytes` (then they are let go and the object is
 * not stored). A body that fails or is abandoned part-way is never stored (dg:RequestAndResponseBehaviorCustomOrigin,
 * "Canceled requests"): `filled(undefined)`. `filled` is called exactly once.
 */
/** Bytes that fills in flight may hold together. */
export interface FillBudget {
  /** Takes `bytes` from the budget, or answers false (and takes nothing) when they do not fit. */
  claim(bytes: number): boolean;
  release(bytes: number): void;
}

const UNBOUNDED: FillBudget = { claim: () => true, release: () => {} };

export class CacheFill extends Transform {
  private chunks: Buffer[] | undefined = [];
  private bytes = 0;
  private settled = false;

  constructor(
    private readonly maxBytes: number,
    private readonly filled: (body: Buffer | undefined) => void,
    /** Shared by every fill of one cache: fills in flight together hold no more than the cache could store. */
    private readonly budget: FillBudget = UNBOUNDED,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.chunks !== undefined) {
      this.bytes += chunk.length;
      if (this.bytes > this.maxBytes || !this.budget.claim(chunk.length)) {
        this.budget.release(this.bytes - chunk.length);
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
    this.dropChunks();
    this.settle(chunks === undefined ? undefined : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.dropChunks();
    this.settle(undefined);
    callback(error);
  }

  private dropChunks(): void {
    if (this.chunks === undefined) return;
    this.chunks = undefined;
    this.budget.release(this.bytes);
  }

  private settle(body: Buffer | undefined): void {
    if (this.settled) return;
    this.settled = true;
    this.filled(body);
  }
}
