import { describe, it, expect } from 'vitest';
import { EdgeCache } from './edge-cache.js';
import { entryBytes } from './entry-bytes.js';
import type { CacheEntry } from './types.js';
import { CACHING_OPTIMIZED, headers, policy } from './test-fixtures.js';

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);

function entry(key: string, over: Partial<CacheEntry> = {}): CacheEntry {
  return {
    key,
    invalidationPath: key,
    status: 200,
    statusDescription: 'OK',
    headers: headers({ 'Content-Type': 'text/plain', ETag: '"v1"' }),
    body: Buffer.from(`body of ${key}`),
    storedAt: T0,
    ttlMs: 60_000,
    staleWhileRevalidateMs: 0,
    staleIfErrorMs: Infinity,
    headOnly: false,
    ...over,
  };
}

describe('EdgeCache lookup', () => {
  it('§5.7 a stored entry is fresh within its TTL, stale after it, absent otherwise', () => {
    const c = new EdgeCache();
    c.store(entry('/a'));
    expect(c.lookup('/a', T0 + 59_999, 'GET')?.state).toBe('fresh');
    expect(c.lookup('/a', T0 + 60_000, 'GET')?.state).toBe('stale');
    expect(c.lookup('/b', T0, 'GET')).toBeUndefined();
  });

  it('D37 ageSeconds is whole seconds since stored, and keeps growing when stale', () => {
    const c = new EdgeCache();
    c.store(entry('/a'));
    expect(c.lookup('/a', T0, 'GET')?.ageSeconds).toBe(0);
    expect(c.lookup('/a', T0 + 2_999, 'GET')?.ageSeconds).toBe(2);
    expect(c.lookup('/a', T0 + 2_402_000, 'GET')).toMatchObject({ state: 'stale', ageSeconds: 2402 });
    expect(c.lookup('/a', T0 - 5_000, 'GET')?.ageSeconds).toBe(0);
  });

  it('D31 HEAD is answered from the GET entry', () => {
    const c = new EdgeCache();
    c.store(entry('/a'));
    expect(c.lookup('/a', T0, 'HEAD')?.entry.body.toString()).toBe('body of /a');
  });

  it('D31 a HEAD-only entry answers HEAD but not GET; a later GET entry replaces it', () => {
    const c = new EdgeCache();
    c.store(entry('/h', { headOnly: true, body: Buffer.alloc(0) }));
    expect(c.lookup('/h', T0, 'GET')).toBeUndefined();
    expect(c.lookup('/h', T0, 'HEAD')?.entry.headOnly).toBe(true);
    c.store(entry('/h'));
    expect(c.size).toBe(1);
    expect(c.lookup('/h', T0, 'HEAD')?.entry.headOnly).toBe(false);
  });

  it('D31 with a stale GET entry, a fresh HEAD-only entry answers HEAD and the GET entry stays for GET', () => {
    const c = new EdgeCache();
    c.store(entry('/a'));
    const later = T0 + 120_000;
    c.store(entry('/a', { headOnly: true, body: Buffer.alloc(0), storedAt: later }));
    expect(c.size).toBe(2);
    expect(c.lookup('/a', later, 'HEAD')).toMatchObject({ state: 'fresh', entry: { headOnly: true } });
    expect(c.lookup('/a', later, 'GET')).toMatchObject({ state: 'stale', entry: { headOnly: false } });
  });

  it('§5.7 storing again under a key replaces the entry and its bytes', () => {
    const c = new EdgeCache();
    c.store(entry('/a', { body: Buffer.alloc(1000) }));
    c.store(entry('/a', { body: Buffer.alloc(10) }));
    expect(c.size).toBe(1);
    expect(c.bytes).toBe(entryBytes(entry('/a', { body: Buffer.alloc(10) })));
  });
});

describe('EdgeCache byte budget', () => {
  it('§5.7 bytes count body, headers and key', () => {
    const c = new EdgeCache();
    const small = entry('/k');
    c.store(small);
    const bigger = entry('/k2', { body: Buffer.alloc(small.body.length + 500) });
    c.store(bigger);
    expect(c.bytes).toBe(entryBytes(small) + entryBytes(bigger));
    expect(entryBytes(bigger) - entryBytes(entry('/k2'))).toBe(500 - ('body of /k2'.length - small.body.length));
    const two = entry('/k', { headers: headers({ 'Content-Type': 'text/plain', ETag: '"v1"' }) });
    const three = entry('/k', { headers: headers({ 'Content-Type': 'text/plain', ETag: '"v1"', 'X-Y': 'abc' }) });
    // one more line in the header block: '\n' + 'X-Y' + '\n' + 'abc'
    expect(entryBytes(three) - entryBytes(two)).toBe(1 + 'X-Y'.length + 1 + 'abc'.length);
  });

  it('§5.7 100k small entries stay within the budget, least recently used evicted first', () => {
    const maxBytes = 1024 * 1024;
    const c = new EdgeCache({ maxBytes });
    let peak = 0;
    for (let i = 0; i < 100_000; i++) {
      c.store(entry(`/obj/${i}`, { body: Buffer.from('x'.repeat(50)) }));
      if (i === 10) c.lookup('/obj/0', T0, 'GET'); // recently used, survives the early evictions
      if (i % 500 === 0) c.lookup('/obj/0', T0, 'GET');
      if (c.bytes > peak) peak = c.bytes;
    }
    expect(peak).toBeLessThanOrEqual(maxBytes);
    expect(c.size).toBeGreaterThan(500);
    expect(c.size).toBeLessThan(100_000);
    expect(c.lookup('/obj/99999', T0, 'GET')).toBeDefined();
    expect(c.lookup('/obj/0', T0, 'GET')).toBeDefined();
    expect(c.lookup('/obj/1', T0, 'GET')).toBeUndefined();
    expect(c.lookup(`/obj/${100_000 - c.size - 1}`, T0, 'GET')).toBeUndefined();
    expect(c.lookup(`/obj/${100_000 - c.size + 2}`, T0, 'GET')).toBeDefined();
  });

  it('§5.7 the default budget is 512 MiB', () => {
    const c = new EdgeCache();
    c.store(entry('/big', { body: Buffer.alloc(300 * 1024 * 1024) }));
    c.store(entry('/big2', { body: Buffer.alloc(300 * 1024 * 1024) }));
    expect(c.size).toBe(1);
    expect(c.lookup('/big2', T0, 'GET')).toBeDefined();
  });

  it('§4 an entry larger than the budget is not stored, and the version it replaces is dropped', () => {
    const c = new EdgeCache({ maxBytes: 4096 });
    c.store(entry('/a'));
    c.store(entry('/a', { body: Buffer.alloc(5000) }));
    expect(c.lookup('/a', T0, 'GET')).toBeUndefined();
    expect(c.size).toBe(0);
    expect(c.bytes).toBe(0);
  });

  it('§5.7 a bad budget is refused with the option name', () => {
    expect(() => new EdgeCache({ maxBytes: 0 })).toThrow(/maxBytes/);
    expect(() => new EdgeCache({ maxBytes: 1.5 })).toThrow(/positive whole number/);
  });

  it('§5.7 clear empties everything', () => {
    const c = new EdgeCache();
    c.store(entry('/a'));
    c.store(entry('/b', { headOnly: true }));
    c.clear();
    expect([c.size, c.bytes]).toEqual([0, 0]);
    expect(c.lookup('/a', T0, 'GET')).toBeUndefined();
  });
});

describe('EdgeCache invalidate', () => {
  function filled(): EdgeCache {
    const c = new EdgeCache();
    for (const p of ['/images/a.jpg', '/images/a.jpg?v=2', '/images/A.jpg', '/images/b.png', '/index.html', '/dir', '/dir/']) {
      c.store(entry(`key:${p}`, { invalidationPath: p }));
    }
    return c;
  }
  const has = (c: EdgeCache, p: string) => c.lookup(`key:${p}`, T0, 'GET') !== undefined;

  it('§5.11 an exact path removes only that path and query, case-sensitive', () => {
    const c = filled();
    expect(c.invalidate(['/images/a.jpg'])).toBe(1);
    expect(has(c, '/images/a.jpg')).toBe(false);
    expect(has(c, '/images/a.jpg?v=2')).toBe(true);
    expect(has(c, '/images/A.jpg')).toBe(true);
  });

  it('§5.11 a trailing * matches zero or more characters, query variants included', () => {
    const c = filled();
    expect(c.invalidate(['/images/a.jpg*'])).toBe(2);
    expect(has(c, '/images/A.jpg')).toBe(true);
    expect(c.invalidate(['/images/*'])).toBe(2);
    expect(has(c, '/index.html')).toBe(true);
  });

  it('§5.11 a * anywhere but at the end is refused, and nothing is removed', () => {
    const c = filled();
    expect(() => c.invalidate(['/images/*.jpg'])).toThrow(/a \* is allowed only as the last character/);
    expect(c.size).toBe(7);
  });

  it('§5.11 a directory and its trailing-slash form are separate', () => {
    const c = filled();
    expect(c.invalidate(['/dir'])).toBe(1);
    expect(has(c, '/dir/')).toBe(true);
  });

  it('§5.11 /* clears everything', () => {
    const c = filled();
    expect(c.invalidate(['/*'])).toBe(7);
    expect([c.size, c.bytes]).toEqual([0, 0]);
  });

  it('§5.11 all variants of a path go (header/cookie variants and HEAD-only entries)', () => {
    const c = new EdgeCache();
    c.store(entry('k1', { invalidationPath: '/p' }));
    c.store(entry('k2', { invalidationPath: '/p' }));
    c.store(entry('k3', { invalidationPath: '/p', headOnly: true }));
    c.store(entry('k4', { invalidationPath: '/q' }));
    expect(c.invalidate(['/p'])).toBe(3);
    expect(c.size).toBe(1);
    expect(c.bytes).toBe(entryBytes(entry('k4', { invalidationPath: '/q' })));
  });

  it('§5.11 a path must start with / and hold at most 4,000 characters', () => {
    const c = filled();
    expect(() => c.invalidate(['images/a.jpg'])).toThrow(/Paths\.Items\[0\].*must start with "\/"/);
    expect(() => c.invalidate(['/ok', `/${'x'.repeat(4000)}`])).toThrow(/Paths\.Items\[1\].*at most 4000/);
    expect(c.size).toBe(7);
  });
});

describe('EdgeCache refresh', () => {
  it('§5.10 (D17) a 304 keeps the body, merges headers, recomputes the TTL and restarts Age', () => {
    const c = new EdgeCache();
    c.store(entry('/a', { headers: headers({ 'Cache-Control': 'max-age=60', ETag: '"v1"', 'Content-Length': '10' }) }));
    const at = T0 + 90_000;
    expect(c.lookup('/a', at, 'GET')?.state).toBe('stale');
    const notModified = headers({ 'Cache-Control': 'max-age=300', Date: 'x', 'Content-Length': '0' });
    const refreshed = c.refresh('/a', 'GET', notModified, CACHING_OPTIMIZED, at);
    expect(refreshed?.body.toString()).toBe('body of /a');
    expect(refreshed?.ttlMs).toBe(300_000);
    expect(refreshed?.headers['cache-control']?.[0]?.value).toBe('max-age=300');
    expect(refreshed?.headers['etag']?.[0]?.value).toBe('"v1"');
    expect(refreshed?.headers['date']?.[0]?.value).toBe('x');
    expect(refreshed?.headers['content-length']?.[0]?.value).toBe('10');
    expect(c.lookup('/a', at + 1_000, 'GET')).toMatchObject({ state: 'fresh', ageSeconds: 1 });
    expect(c.size).toBe(1);
  });

  it('§5.10 (D34) a 304 that now says no-store under MinTTL 0 removes the entry but still returns it', () => {
    const c = new EdgeCache();
    c.store(entry('/a'));
    const r = c.refresh('/a', 'GET', headers({ 'Cache-Control': 'no-store' }), policy(), T0 + 90_000);
    expect(r?.body.toString()).toBe('body of /a');
    expect(c.lookup('/a', T0 + 90_000, 'GET')).toBeUndefined();
    expect([c.size, c.bytes]).toEqual([0, 0]);
  });

  it('§5.10 refresh of a missing entry returns undefined; a HEAD-only entry refreshes for HEAD', () => {
    const c = new EdgeCache();
    expect(c.refresh('/none', 'GET', {}, CACHING_OPTIMIZED, T0)).toBeUndefined();
    c.store(entry('/h', { headOnly: true }));
    expect(c.refresh('/h', 'GET', {}, CACHING_OPTIMIZED, T0)).toBeUndefined();
    expect(c.refresh('/h', 'HEAD', {}, CACHING_OPTIMIZED, T0 + 5_000)?.storedAt).toBe(T0 + 5_000);
  });

  it('§5.10 merged headers are a null-prototype map: a __proto__ header is just a header', () => {
    const c = new EdgeCache();
    c.store(entry('/a'));
    const weird = { ['__proto__']: [{ key: '__proto__', value: 'x' }] };
    Object.defineProperty(weird, '__proto__', { value: [{ key: '__proto__', value: 'x' }], enumerable: true });
    const r = c.refresh('/a', 'GET', weird as never, CACHING_OPTIMIZED, T0);
    expect(Object.getPrototypeOf(r?.headers)).toBeNull();
    expect(r?.headers['__proto__']).toEqual([{ key: '__proto__', value: 'x' }]);
  });
});
