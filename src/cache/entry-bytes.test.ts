import { describe, it, expect } from 'vitest';
import { entryBytes, ENTRY_OVERHEAD_BYTES } from './entry-bytes.js';
import type { CacheEntry } from './types.js';

function entry(headers: CacheEntry['headers'], body = Buffer.alloc(1024)): CacheEntry {
  return {
    key: 'GET|d111111abcdef8.cloudfront.net|/a',
    invalidationPath: '/a',
    status: 200,
    statusDescription: 'OK',
    headers,
    body,
    storedAt: 0,
    ttlMs: 60_000,
    staleWhileRevalidateMs: 0,
    staleIfErrorMs: Infinity,
    headOnly: false,
  };
}

describe('entryBytes', () => {
  it('§5.7 counts data bytes plus the object overhead of the entry', () => {
    const bare = entry(Object.create(null));
    expect(entryBytes(bare)).toBe(ENTRY_OVERHEAD_BYTES + 1024 + bare.key.length + '/a'.length + 'OK'.length);
  });

  it('§5.7 counts each header line as its bytes on the wire (the header block is one Buffer)', () => {
    const one = entry(Object.assign(Object.create(null), { 'x-y': [{ key: 'X-Y', value: 'abc' }] }));
    const two = entry(Object.assign(Object.create(null), { 'x-y': [{ key: 'X-Y', value: 'abc' }, { key: 'X-Y', value: 'abc' }] }));
    const base = entryBytes(entry(Object.create(null)));
    // 'X-Y' + '\n' + 'abc', then '\n' between lines
    expect(entryBytes(one) - base).toBe(3 + 1 + 3);
    expect(entryBytes(two) - entryBytes(one)).toBe(1 + 3 + 1 + 3);
  });

  it('§5.7 a 1 KB object with four headers is counted at over 2 KB (measured ~2.4 KB of RSS per entry)', () => {
    const headers = Object.assign(Object.create(null), {
      'content-type': [{ key: 'Content-Type', value: 'text/plain; charset=utf-8' }],
      'cache-control': [{ key: 'Cache-Control', value: 'public, max-age=3600' }],
      'content-length': [{ key: 'Content-Length', value: '1024' }],
      date: [{ key: 'Date', value: 'Sat, 21 Nov 2026 16:26:43 GMT' }],
    });
    expect(entryBytes(entry(headers))).toBeGreaterThan(2048);
  });
});
