import { Readable } from 'node:stream';

export interface PeekedBody {
  /** The first bytes: the whole body when `complete`, else at least `limit + 1` bytes (so truncation shows, §1.7). */
  prefix: Buffer;
  complete: boolean;
  /** The whole body again, for the origin: the prefix, then the rest as it arrives (issue 9). */
  whole: Readable;
}

/**
 * §1.7 with a streamed request body (issue 9): an IncludeBody event needs only the bytes up to its truncation
 * limit, so only those are read ahead; the rest keeps streaming to the origin.
 */
export async function peekRequestBody(stream: Readable, limit: number): Promise<PeekedBody> {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let size = 0;
  while (size <= limit) {
    const next = await iterator.next();
    if (next.done) {
      const prefix = Buffer.concat(chunks);
      return { prefix, complete: true, whole: Readable.from([prefix]) };
    }
    chunks.push(next.value);
    size += next.value.length;
  }
  async function* replay(): AsyncGenerator<Buffer> {
    yield* chunks;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { prefix: Buffer.concat(chunks), complete: false, whole: Readable.from(replay()) };
}
