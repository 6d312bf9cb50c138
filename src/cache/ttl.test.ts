import { describe, it, expect } from 'vitest';
import { decideTtl } from './ttl.js';
import { CACHING_OPTIMIZED, headers, policy } from './test-fixtures.js';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const CACHING_DISABLED = policy({ id: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', minTTL: 0, defaultTTL: 0, maxTTL: 0 });
const USE_ORIGIN = policy({ id: '83da9c7e-98b4-4e11-a168-04f0df8e2c65', minTTL: 0, defaultTTL: 0, maxTTL: 31536000 });

function ttl(p: ReturnType<typeof policy>, h: Record<string, string | string[]>, status = 200, ecmt?: number) {
  return decideTtl(p, status, headers(h), ecmt, NOW);
}
function expiresIn(seconds: number): string {
  return new Date(NOW + seconds * 1000).toUTCString();
}

describe('decideTtl §5.6 examples table', () => {
  it('§5.6 CachingOptimized, max-age=60 → 60 s', () => {
    expect(ttl(CACHING_OPTIMIZED, { 'Cache-Control': 'max-age=60' })).toMatchObject({ store: true, ttlSeconds: 60 });
  });
  it('§5.6 CachingOptimized, no header → 86,400 s', () => {
    expect(ttl(CACHING_OPTIMIZED, {})).toMatchObject({ store: true, ttlSeconds: 86400 });
  });
  it('§5.6 CachingOptimized, no-store → 1 s (MinTTL)', () => {
    expect(ttl(CACHING_OPTIMIZED, { 'Cache-Control': 'no-store' })).toMatchObject({ store: true, ttlSeconds: 1 });
  });
  it('§5.6 CachingOptimized, max-age=0 → 1 s', () => {
    expect(ttl(CACHING_OPTIMIZED, { 'Cache-Control': 'max-age=0' })).toMatchObject({ store: true, ttlSeconds: 1 });
  });
  it('§5.6 CachingOptimized, max-age=600, s-maxage=30 → 30 s', () => {
    expect(ttl(CACHING_OPTIMIZED, { 'Cache-Control': 'max-age=600, s-maxage=30' })).toMatchObject({ ttlSeconds: 30 });
  });
  it('§5.6 CachingDisabled, max-age=3600 → not cached', () => {
    expect(ttl(CACHING_DISABLED, { 'Cache-Control': 'max-age=3600' })).toMatchObject({ store: false, ttlSeconds: 0 });
  });
  it('§5.6 UseOriginCacheControlHeaders, no header → not cached', () => {
    expect(ttl(USE_ORIGIN, {})).toMatchObject({ store: false, ttlSeconds: 0 });
  });
  it('§5.6 custom 0/86,400/300, max-age=3600 → 300 s', () => {
    const p = policy({ minTTL: 0, defaultTTL: 86400, maxTTL: 300 });
    expect(ttl(p, { 'Cache-Control': 'max-age=3600' })).toMatchObject({ ttlSeconds: 300 });
  });
  it('§5.6 custom 0/86,400/31,536,000, Expires in 120 s and max-age=30 → 30 s', () => {
    const p = policy();
    expect(ttl(p, { Expires: expiresIn(120), 'Cache-Control': 'max-age=30' })).toMatchObject({ ttlSeconds: 30 });
  });
  it('§5.6 custom 600/86,400/31,536,000, max-age=60 → 600 s', () => {
    const p = policy({ minTTL: 600 });
    expect(ttl(p, { 'Cache-Control': 'max-age=60' })).toMatchObject({ ttlSeconds: 600 });
  });
});

describe('decideTtl §5.6 rules', () => {
  it('§5.6 Expires alone: seconds until, capped at MaxTTL', () => {
    expect(ttl(policy(), { Expires: expiresIn(120) })).toMatchObject({ ttlSeconds: 120 });
    expect(ttl(policy({ maxTTL: 60 }), { Expires: expiresIn(120) })).toMatchObject({ ttlSeconds: 60 });
  });
  it('§5.6 Expires in the past or invalid: expired (MinTTL 0 → not stored, else MinTTL)', () => {
    expect(ttl(policy(), { Expires: expiresIn(-60) })).toMatchObject({ store: false });
    expect(ttl(policy(), { Expires: '0' })).toMatchObject({ store: false });
    expect(ttl(policy({ minTTL: 5 }), { Expires: '0' })).toMatchObject({ ttlSeconds: 5 });
  });
  it('§5.6 MinTTL > 0 clamps a directive into MinTTL..MaxTTL', () => {
    const p = policy({ minTTL: 10, maxTTL: 100 });
    expect(ttl(p, { 'Cache-Control': 'max-age=5' }).ttlSeconds).toBe(10);
    expect(ttl(p, { 'Cache-Control': 'max-age=50' }).ttlSeconds).toBe(50);
    expect(ttl(p, { 'Cache-Control': 'max-age=500' }).ttlSeconds).toBe(100);
  });
  it('§5.6 no directive: DefaultTTL, raised to MinTTL, not capped by MaxTTL', () => {
    expect(ttl(policy({ minTTL: 0, defaultTTL: 50 }), {}).ttlSeconds).toBe(50);
    expect(ttl(policy({ minTTL: 100, defaultTTL: 50 }), {}).ttlSeconds).toBe(100);
  });
  it('§5.6 (D34) no-cache / no-store / private with MinTTL 0: not stored, whatever max-age says', () => {
    for (const cc of ['no-cache', 'no-store', 'private', 'private, max-age=3600', 'no-cache="Set-Cookie", max-age=60']) {
      expect(ttl(policy(), { 'Cache-Control': cc }), cc).toMatchObject({ store: false, ttlSeconds: 0 });
    }
  });
  it('§5.6 (D34) no-cache / private with MinTTL > 0: cached for MinTTL', () => {
    const p = policy({ minTTL: 30 });
    expect(ttl(p, { 'Cache-Control': 'no-cache' }).ttlSeconds).toBe(30);
    expect(ttl(p, { 'Cache-Control': 'private, max-age=3600' }).ttlSeconds).toBe(30);
  });
  it('§5.6 max-age is honoured up to 100 years', () => {
    const p = policy({ maxTTL: 10 ** 10 });
    expect(ttl(p, { 'Cache-Control': 'max-age=3153600000' }).ttlSeconds).toBe(3153600000);
    expect(ttl(p, { 'Cache-Control': 'max-age=9999999999' }).ttlSeconds).toBe(3153600000);
  });
  it('§5.6 Cache-Control over several lines, case-insensitive names, quoted values, first duplicate wins', () => {
    expect(ttl(policy(), { 'Cache-Control': ['public', 'MAX-AGE="40"'] }).ttlSeconds).toBe(40);
    expect(ttl(policy(), { 'Cache-Control': 'max-age=40, max-age=90' }).ttlSeconds).toBe(40);
  });
  it('§5.6 an invalid max-age counts as stale (RFC 9111 §4.2.1)', () => {
    expect(ttl(policy(), { 'Cache-Control': 'max-age=12abc' })).toMatchObject({ store: false });
    expect(ttl(policy({ minTTL: 3 }), { 'Cache-Control': 'max-age=' }).ttlSeconds).toBe(3);
  });
  it('§5.6 Vary: * with MinTTL 0 always goes to the origin: not stored', () => {
    expect(ttl(policy(), { Vary: 'Accept, *', 'Cache-Control': 'max-age=60' })).toMatchObject({ store: false });
    expect(ttl(policy({ minTTL: 5 }), { Vary: '*', 'Cache-Control': 'max-age=60' }).ttlSeconds).toBe(60);
    expect(ttl(policy(), { Vary: 'Accept-Encoding', 'Cache-Control': 'max-age=60' }).ttlSeconds).toBe(60);
  });
  it('§5.6 3xx is cached by the TTL rules', () => {
    expect(ttl(CACHING_OPTIMIZED, { Location: '/b' }, 301)).toMatchObject({ store: true, ttlSeconds: 86400 });
    expect(ttl(CACHING_OPTIMIZED, { 'Cache-Control': 'max-age=5' }, 302).ttlSeconds).toBe(5);
  });
  it('D35 206 is never stored; §5.10 a bare 304 is not an object', () => {
    expect(ttl(CACHING_OPTIMIZED, { 'Cache-Control': 'max-age=60' }, 206).store).toBe(false);
    expect(ttl(CACHING_OPTIMIZED, { 'Cache-Control': 'max-age=60' }, 304).store).toBe(false);
  });
});

describe('decideTtl §5.8 error caching table', () => {
  it('§5.8 404, 414, 500, 501, 502, 503, 504: always cached, ErrorCachingMinTTL default 10 s', () => {
    for (const status of [404, 414, 500, 501, 502, 503, 504]) {
      expect(ttl(CACHING_OPTIMIZED, {}, status), String(status)).toMatchObject({ store: true, ttlSeconds: 10 });
    }
  });
  it('§5.8 400, 403, 405, 412, 415: cached only with max-age or s-maxage', () => {
    for (const status of [400, 403, 405, 412, 415]) {
      expect(ttl(CACHING_OPTIMIZED, {}, status).store, String(status)).toBe(false);
      expect(ttl(CACHING_OPTIMIZED, { Expires: expiresIn(60) }, status).store, String(status)).toBe(false);
      expect(ttl(CACHING_OPTIMIZED, { 'Cache-Control': 'max-age=60' }, status), String(status)).toMatchObject({
        store: true,
        ttlSeconds: 60,
      });
      expect(ttl(CACHING_OPTIMIZED, { 'Cache-Control': 's-maxage=5' }, status).ttlSeconds, String(status)).toBe(10);
    }
  });
  it('§5.8 416: never cached, ErrorCachingMinTTL ignored', () => {
    expect(ttl(CACHING_OPTIMIZED, { 'Cache-Control': 'max-age=60' }, 416, 300).store).toBe(false);
  });
  it('§5.8 other 4xx/5xx: not cached', () => {
    for (const status of [401, 408, 409, 410, 429, 505, 599]) {
      expect(ttl(CACHING_OPTIMIZED, { 'Cache-Control': 'max-age=60' }, status).store, String(status)).toBe(false);
    }
  });
  it('§5.8 duration is max(ErrorCachingMinTTL, header lifetime capped at MaxTTL)', () => {
    expect(ttl(CACHING_OPTIMIZED, { 'Cache-Control': 'max-age=60' }, 404).ttlSeconds).toBe(60);
    expect(ttl(CACHING_OPTIMIZED, { 'Cache-Control': 'max-age=5' }, 404).ttlSeconds).toBe(10);
    expect(ttl(CACHING_OPTIMIZED, { 'Cache-Control': 'max-age=5' }, 404, 30).ttlSeconds).toBe(30);
    expect(ttl(CACHING_OPTIMIZED, { Expires: expiresIn(120) }, 503).ttlSeconds).toBe(120);
    expect(ttl(policy({ maxTTL: 50 }), { 'Cache-Control': 'max-age=3600' }, 500).ttlSeconds).toBe(50);
    expect(ttl(policy({ maxTTL: 5 }), { 'Cache-Control': 'max-age=3600' }, 500, 20).ttlSeconds).toBe(20);
  });
  it('§5.8 other or no directives → ErrorCachingMinTTL (no-store does not stop error caching)', () => {
    expect(ttl(policy(), { 'Cache-Control': 'no-store' }, 404).ttlSeconds).toBe(10);
    expect(ttl(policy(), { 'Cache-Control': 'public' }, 502, 0).store).toBe(false);
  });
  it('§5.8 nothing is cached under CachingDisabled', () => {
    expect(ttl(CACHING_DISABLED, { 'Cache-Control': 'max-age=60' }, 404).store).toBe(false);
    expect(ttl(CACHING_DISABLED, {}, 503, 30).store).toBe(false);
  });
});

describe('decideTtl §5.9 stale windows', () => {
  it('§5.9 stale-while-revalidate=N and stale-if-error=N give min(N, MaxTTL)', () => {
    const d = ttl(policy({ maxTTL: 600 }), { 'Cache-Control': 'max-age=60, stale-while-revalidate=30, stale-if-error=3600' });
    expect(d).toEqual({ store: true, ttlSeconds: 60, staleWhileRevalidateSeconds: 30, staleIfErrorSeconds: 600 });
  });
  it('§5.9 stale-if-error=0 forbids stale serving on errors; absent means no limit', () => {
    const p = policy({ minTTL: 10 });
    expect(ttl(p, { 'Cache-Control': 'no-store, stale-if-error=0' }).staleIfErrorSeconds).toBe(0);
    expect(ttl(p, { 'Cache-Control': 'no-store' }).staleIfErrorSeconds).toBe(Infinity);
    expect(ttl(p, {}).staleWhileRevalidateSeconds).toBe(0);
  });
  it('§5.9 windows apply to cached errors too', () => {
    const d = ttl(CACHING_OPTIMIZED, { 'Cache-Control': 'max-age=60, stale-while-revalidate=5' }, 404);
    expect(d.staleWhileRevalidateSeconds).toBe(5);
  });
  it('§5.9 nothing stored → no windows', () => {
    expect(ttl(policy(), { 'Cache-Control': 'no-store, stale-if-error=60' })).toEqual({
      store: false,
      ttlSeconds: 0,
      staleWhileRevalidateSeconds: 0,
      staleIfErrorSeconds: 0,
    });
  });
});
