import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { OriginBody, takeWholeBody } from './origin-body.js';

const body = (...chunks: string[]) => {
  const stream = new OriginBody({ read() {} });
  for (const chunk of chunks) stream.push(Buffer.from(chunk));
  return stream;
};

describe('takeWholeBody (issue 9: a body that has all arrived goes out in one write)', () => {
  it('hands over every byte of a complete, unread body, once', () => {
    const stream = body('hello ', 'world');
    stream.finish();
    expect(takeWholeBody(stream)?.toString()).toBe('hello world');
    expect(takeWholeBody(stream)).toBeUndefined();
  });

  it('an empty complete body is an empty buffer', () => {
    const stream = body();
    stream.finish();
    expect(takeWholeBody(stream)).toEqual(Buffer.alloc(0));
  });

  it('leaves a body that is still arriving, already flowing, or not an origin body untouched', async () => {
    const arriving = body('part');
    expect(takeWholeBody(arriving)).toBeUndefined();
    arriving.finish();
    expect(takeWholeBody(arriving)?.toString()).toBe('part');

    const flowing = body('x');
    flowing.finish();
    flowing.on('data', () => {});
    expect(takeWholeBody(flowing)).toBeUndefined();

    expect(takeWholeBody(Readable.from([Buffer.from('y')]))).toBeUndefined();
  });
});
