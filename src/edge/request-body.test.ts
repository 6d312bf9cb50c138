import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { peekRequestBody } from './request-body.js';

async function all(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString();
}

describe('issue 9 §1.7 peekRequestBody', () => {
  it('§1.7 a body within the limit is read whole', async () => {
    const peeked = await peekRequestBody(Readable.from([Buffer.from('ab'), Buffer.from('cd')]), 10);
    expect([peeked.prefix.toString(), peeked.complete]).toEqual(['abcd', true]);
    expect(await all(peeked.whole)).toBe('abcd');
  });

  it('§1.7 a longer body: only past the limit is read ahead, and the whole body still streams on', async () => {
    let pulled = 0;
    const source = Readable.from((function* () {
      for (let i = 0; i < 100; i++) {
        pulled++;
        yield Buffer.from('0123456789');
      }
    })(), { objectMode: false, highWaterMark: 1 });
    const peeked = await peekRequestBody(source, 25);
    expect(peeked.complete).toBe(false);
    expect(peeked.prefix.length).toBe(30);
    expect(pulled).toBeLessThan(100);
    expect((await all(peeked.whole)).length).toBe(1000);
  });
});
