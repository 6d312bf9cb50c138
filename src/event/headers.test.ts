import { describe, it, expect } from 'vitest';
import {
  canonicalHeaderKey,
  deleteHeader,
  getHeaderValue,
  headersFromRawHeaders,
  headersToRawHeaders,
  setHeader,
  stripDisallowedHeaders,
} from './headers.js';

describe('headers', () => {
  it('§1.6 maps rawHeaders to lower-case names keeping wire case, order and repeats', () => {
    const headers = headersFromRawHeaders(['Host', 'a.example', 'accept', '*/*', 'Set-Cookie', 'a=1', 'set-cookie', 'b=2']);
    expect(Object.keys(headers)).toEqual(['host', 'accept', 'set-cookie']);
    expect(headers['accept']).toEqual([{ key: 'accept', value: '*/*' }]);
    expect(headers['set-cookie']).toEqual([
      { key: 'Set-Cookie', value: 'a=1' },
      { key: 'set-cookie', value: 'b=2' },
    ]);
  });

  it('§1.6 keeps a viewer-sent __proto__ header as data, not as a prototype', () => {
    const headers = headersFromRawHeaders(['__proto__', 'x', 'constructor', 'y']);
    expect(Object.getPrototypeOf(headers)).toBeNull();
    expect(getHeaderValue(headers, '__proto__')).toBe('x');
    expect(getHeaderValue(headers, 'constructor')).toBe('y');
    expect(getHeaderValue({}, 'constructor')).toBeUndefined();
  });

  it('§1.6 round-trips through raw headers, synthesising a missing key', () => {
    const raw = headersToRawHeaders({ 'content-type': [{ value: 'text/plain' }], 'x-a': [{ key: 'X-A', value: '1' }, { key: 'x-a', value: '2' }] });
    expect(raw).toEqual(['Content-Type', 'text/plain', 'X-A', '1', 'x-a', '2']);
    expect(headersToRawHeaders(headersFromRawHeaders(['X-Y', 'v', 'x-y', 'w']))).toEqual(['X-Y', 'v', 'x-y', 'w']);
  });

  it('§1.6 exposes UTF-8 header bytes as text and ISO-8859-1 bytes as Latin-1, and sends text back as UTF-8', () => {
    const utf8Wire = Buffer.from('naïve ✓', 'utf8').toString('latin1');
    const latin1Wire = Buffer.from([0x63, 0x61, 0x66, 0xe9]).toString('latin1');
    const headers = headersFromRawHeaders(['X-U', utf8Wire, 'X-L', latin1Wire]);
    expect(getHeaderValue(headers, 'x-u')).toBe('naïve ✓');
    expect(getHeaderValue(headers, 'x-l')).toBe('café');
    const raw = headersToRawHeaders(headers);
    expect(Buffer.from(raw[1]!, 'latin1').toString('utf8')).toBe('naïve ✓');
    expect(Buffer.from(raw[3]!, 'latin1')).toEqual(Buffer.from('café', 'utf8'));
  });

  it('§1.6 derives the key by capitalising each hyphen-separated part', () => {
    expect(canonicalHeaderKey('user-agent')).toBe('User-Agent');
    expect(canonicalHeaderKey('content-type')).toBe('Content-Type');
    expect(canonicalHeaderKey('x-my-custom-thing')).toBe('X-My-Custom-Thing');
    expect(canonicalHeaderKey('etag')).toBe('Etag');
  });

  it('§1.6 setHeader replaces all values and deleteHeader removes them', () => {
    const headers = headersFromRawHeaders(['Accept', 'a', 'Accept', 'b']);
    setHeader(headers, 'accept', 'c');
    expect(headers['accept']).toEqual([{ key: 'Accept', value: 'c' }]);
    setHeader(headers, 'x-id', '1', 'x-ID');
    expect(headers['x-id']).toEqual([{ key: 'x-ID', value: '1' }]);
    deleteHeader(headers, 'accept');
    expect(getHeaderValue(headers, 'accept')).toBeUndefined();
    const plain: Record<string, { key?: string; value: string }[]> = {};
    setHeader(plain, '__proto__', 'p');
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(getHeaderValue(plain, '__proto__')).toBe('p');
  });

  it('§3.2 strips disallowed headers and returns the same map when there are none', () => {
    const clean = headersFromRawHeaders(['Host', 'h', 'Accept', 'a']);
    expect(stripDisallowedHeaders(clean)).toBe(clean);
    const dirty = headersFromRawHeaders([
      'Host', 'h', 'Connection', 'keep-alive', 'X-Amz-Cf-Id', 'id', 'X-Edge-Foo', '1', 'x-forwarded-proto', 'https',
      'X-Amzn-Trace-Id', 't', 'Accept', 'a',
    ]);
    const stripped = stripDisallowedHeaders(dirty);
    expect(Object.keys(stripped)).toEqual(['host', 'x-amzn-trace-id', 'accept']);
    expect(Object.keys(dirty)).toHaveLength(7);
  });
});
