import { describe, it, expect } from 'vitest';
import { compileCustomHeaders, isDeniedOriginCustomHeader } from './compile-custom-headers.js';
import { rootLocation } from './json-location.js';

const loc = rootLocation('dist.json', 'Origins.Items[0]');
function headers(items: Array<{ HeaderName: string; HeaderValue: unknown }>) {
  return compileCustomHeaders({ CustomHeaders: { Quantity: items.length, Items: items } }, loc, { warnings: [] });
}

describe('compileCustomHeaders', () => {
  it('§3.4 compiles custom headers to a lower-case header map', () => {
    expect(headers([{ HeaderName: 'X-Origin-Secret', HeaderValue: 'abc' }])).toEqual({
      'x-origin-secret': [{ key: 'X-Origin-Secret', value: 'abc' }],
    });
  });

  it('§3.4 rejects headers on the deny list, including X-Amz-* and X-Edge-*', () => {
    expect(isDeniedOriginCustomHeader('x-amz-date')).toBe(true);
    expect(isDeniedOriginCustomHeader('x-edge-location')).toBe(true);
    expect(isDeniedOriginCustomHeader('x-real-ip')).toBe(true);
    expect(isDeniedOriginCustomHeader('x-amazing')).toBe(false);
    expect(() => headers([{ HeaderName: 'Cache-Control', HeaderValue: 'no-cache' }])).toThrow(
      /Origins\.Items\[0\]\.CustomHeaders\.Items\[0\]\.HeaderName: Cache-Control cannot be an origin custom header/,
    );
    expect(() => headers([{ HeaderName: 'X-Amz-Security-Token', HeaderValue: 't' }])).toThrow(/reference §3\.4/);
  });

  it('§4 rejects more than 30 headers and over-long values', () => {
    const many = Array.from({ length: 31 }, (_, i) => ({ HeaderName: `x-h${i}`, HeaderValue: 'v' }));
    expect(() => headers(many)).toThrow(/has 31 headers; CloudFront allows 30/);
    expect(() => headers([{ HeaderName: 'x-long', HeaderValue: 'v'.repeat(1784) }])).toThrow(/at most 1783 characters/);
  });

  it('§3.4 rejects a duplicate name', () => {
    expect(() =>
      headers([
        { HeaderName: 'X-A', HeaderValue: '1' },
        { HeaderName: 'x-a', HeaderValue: '2' },
      ]),
    ).toThrow(/listed twice/);
  });
});
