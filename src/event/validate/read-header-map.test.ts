import { describe, it, expect } from 'vitest';
import { CLOUDFRONT_TEXT, type EdgeError } from '../errors.js';
import { readHeaderMap } from './read-header-map.js';

function thrown(fn: () => unknown): EdgeError {
  try {
    fn();
  } catch (error) {
    return error as EdgeError;
  }
  throw new Error("expected a validation error");
}

describe('readHeaderMap', () => {
  it('§1.6 synthesises a missing key and keeps repeats in order', () => {
    const warnings: string[] = [];
    const map = readHeaderMap('origin-response', 'response.headers', {
      'content-type': [{ value: 'text/html' }],
      'set-cookie': [{ key: 'Set-Cookie', value: 'a=1' }, { key: 'set-cookie', value: 'b=2' }],
    }, warnings);
    expect(Object.getPrototypeOf(map)).toBeNull();
    expect(map['content-type']).toEqual([{ key: 'Content-Type', value: 'text/html' }]);
    expect(map['set-cookie']).toEqual([{ key: 'Set-Cookie', value: 'a=1' }, { key: 'set-cookie', value: 'b=2' }]);
    expect(warnings).toEqual([]);
  });

  it('D7 an empty array removes the header; upper-case map names and mismatching keys warn and the map name wins', () => {
    const warnings: string[] = [];
    const map = readHeaderMap('viewer-response', 'response.headers', {
      'x-gone': [],
      'X-Upper': [{ value: '1' }],
      'x-b': [{ key: 'X-Other', value: '2' }],
    }, warnings);
    expect(Object.keys(map)).toEqual(['x-upper', 'x-b']);
    expect(map['x-upper']).toEqual([{ key: 'X-Upper', value: '1' }]);
    expect(map['x-b']).toEqual([{ key: 'X-B', value: '2' }]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^viewer-response: response\.headers\["X-Upper"\].*lower-case.*\(reference §1\.6, D7\)$/);
    expect(warnings[1]).toMatch(/"X-Other" does not match/);
  });

  it('§1.6 keeps __proto__ and constructor as ordinary header names', () => {
    const headers = JSON.parse('{"__proto__":[{"value":"p"}],"constructor":[{"value":"c"}]}') as unknown;
    const map = readHeaderMap('viewer-request', 'request.headers', headers, []);
    expect(Object.keys(map)).toEqual(['__proto__', 'constructor']);
    expect(map['__proto__']).toEqual([{ key: '__proto__', value: 'p' }]);
  });

  it('§1.6 rejects malformed maps, lists, entries, keys and names', () => {
    const cases: [unknown, RegExp][] = [
      [undefined, /request\.headers is missing/],
      [[], /request\.headers is an array/],
      [{ 'x-a': { key: 'X-A', value: '1' } }, /\["x-a"\] is an object, but each header must be an array/],
      [{ 'x-a': 'v' }, /must be an array/],
      [{ 'x-a': ['v'] }, /\["x-a"\]\[0\] is the string "v", but it must be an object/],
      [{ 'x-a': [{ key: 5, value: 'v' }] }, /\.key is the number 5/],
      [{ 'x a': [{ value: 'v' }] }, /not a valid HTTP header name/],
      [{ '': [{ value: 'v' }] }, /not a valid HTTP header name/],
      [{ 'x-a': [{ key: 'X-A' }] }, /\.value is missing/],
    ];
    for (const [value, pattern] of cases) {
      const error = thrown(() => readHeaderMap('viewer-request', 'request.headers', value, []));
      expect(error.message).toBe(CLOUDFRONT_TEXT.invalidShape);
      expect(error.detail).toMatch(pattern);
      expect(error.detail).toMatch(/\(reference §1\.6\)$/);
    }
  });
});
