import { describe, it, expect } from 'vitest';
import { ABSENT, INVALID, parseCacheControl } from './cache-control.js';

describe('parseCacheControl', () => {
  it('§5.6 reads max-age, s-maxage and the uncacheable directives', () => {
    expect(parseCacheControl('public, max-age=60, s-maxage=30')).toEqual({
      maxAge: 60,
      sMaxAge: 30,
      staleWhileRevalidate: ABSENT,
      staleIfError: ABSENT,
      uncacheable: false,
    });
    expect(parseCacheControl('no-store').uncacheable).toBe(true);
    expect(parseCacheControl('No-Cache').uncacheable).toBe(true);
    expect(parseCacheControl('private="set-cookie"').uncacheable).toBe(true);
  });
  it('§5.9 reads stale-while-revalidate and stale-if-error', () => {
    const d = parseCacheControl('max-age=1, stale-while-revalidate=30, stale-if-error=0');
    expect([d.staleWhileRevalidate, d.staleIfError]).toEqual([30, 0]);
  });
  it('§5.6 a quoted list does not split the header (commas inside quotes)', () => {
    const d = parseCacheControl('no-cache="set-cookie, max-age=5", max-age=70');
    expect(d.maxAge).toBe(70);
    expect(d.uncacheable).toBe(true);
  });
  it('§5.6 invalid delta-seconds are marked invalid; the first duplicate wins', () => {
    expect(parseCacheControl('max-age=-1').maxAge).toBe(INVALID);
    expect(parseCacheControl('max-age=1.5').maxAge).toBe(INVALID);
    expect(parseCacheControl('max-age').maxAge).toBe(INVALID);
    expect(parseCacheControl('max-age = 12, max-age=99').maxAge).toBe(12);
  });
  it('§5.6 empty and junk input give no directives', () => {
    expect(parseCacheControl('').maxAge).toBe(ABSENT);
    expect(parseCacheControl(',,;=, foo').maxAge).toBe(ABSENT);
  });
});
