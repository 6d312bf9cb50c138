import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CacheFill } from './fill-while-streaming.js';

async function run(source: Readable, fill: CacheFill): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(source, fill, async function* (chunks) {
    for await (const chunk of chunks) out.push(chunk as Buffer);
  });
  return Buffer.concat(out);
}

describe('issue 9 CacheFill', () => {
  it('§5.7 passes every byte on and hands over the whole body at the end', async () => {
    let stored: Buffer | undefined;
    const passed = await run(Readable.from([Buffer.from('ab'), Buffer.from('cd')]), new CacheFill(10, (body) => (stored = body)));
    expect(passed.toString()).toBe('abcd');
    expect(stored?.toString()).toBe('abcd');
  });

  it('§5.7 a body over the limit is passed on whole and not stored', async () => {
    const calls: (Buffer | undefined)[] = [];
    const passed = await run(Readable.from([Buffer.alloc(6), Buffer.alloc(6)]), new CacheFill(10, (body) => calls.push(body)));
    expect(passed.length).toBe(12);
    expect(calls).toEqual([undefined]);
  });

  it('§5.7 a body that fails part-way is not stored', async () => {
    const calls: (Buffer | undefined)[] = [];
    const source = new Readable({ read() {} });
    const fill = new CacheFill(100, (body) => calls.push(body));
    const done = run(source, fill).catch((error: Error) => error.message);
    source.push(Buffer.from('part'));
    source.destroy(new Error('origin reset'));
    expect(await done).toBe('origin reset');
    expect(calls).toEqual([undefined]);
  });

  it('§5.7 fills in flight together hold at most the shared budget; the one that does not fit is not stored', async () => {
    let held = 0;
    const budget = {
      claim: (bytes: number) => (held + bytes <= 10 ? ((held += bytes), true) : false),
      release: (bytes: number) => void (held -= bytes),
    };
    const results: (Buffer | undefined)[] = [];
    const first = new CacheFill(100, (body) => results.push(body), budget);
    const second = new CacheFill(100, (body) => results.push(body), budget);
    first.write(Buffer.alloc(6));
    second.write(Buffer.alloc(6));
    await Promise.all([run(Readable.from([]), first), run(Readable.from([]), second)]);
    expect(results.map((body) => body?.length)).toEqual([undefined, 6]);
    expect(held).toBe(0);
  });
});
