import { describe, it, expect } from 'vitest';
import { compileLegacyForwarding } from './compile-legacy-forwarding.js';
import { rootLocation, type Diagnostics } from './json-location.js';

const loc = rootLocation('dist.json', 'DefaultCacheBehavior');
const list = (items: string[]) => ({ Quantity: items.length, Items: items });
function compile(behavior: Record<string, unknown>, compress = false, diagnostics: Diagnostics = { warnings: [] }) {
  return compileLegacyForwarding(behavior, '*', compress, loc, diagnostics);
}

describe('compileLegacyForwarding', () => {
  it('§5.2 QueryString false: no query strings; legacy TTL defaults 0 / 86,400 / 31,536,000', () => {
    const { cachePolicy, legacy } = compile({ ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } } });
    expect(cachePolicy.id).toBe('legacy:*');
    expect(cachePolicy.queryStrings).toEqual({ behavior: 'none', names: [] });
    expect([cachePolicy.minTTL, cachePolicy.defaultTTL, cachePolicy.maxTTL]).toEqual([0, 86_400, 31_536_000]);
    expect(legacy).toEqual({ forwardAllQueryStrings: false, forwardAllHeaders: false });
  });

  it('§5.2 QueryString true: all forwarded; only QueryStringCacheKeys in the key when listed', () => {
    const all = compile({ ForwardedValues: { QueryString: true } });
    expect(all.cachePolicy.queryStrings.behavior).toBe('all');
    expect(all.legacy.forwardAllQueryStrings).toBe(true);
    const listed = compile({ ForwardedValues: { QueryString: true, QueryStringCacheKeys: list(['page']) } });
    expect(listed.cachePolicy.queryStrings).toEqual({ behavior: 'whitelist', names: ['page'] });
    expect(listed.legacy.forwardAllQueryStrings).toBe(true);
  });

  it('§5.2 whitelisted cookies keep their wildcards; listed headers go into the key', () => {
    const { cachePolicy } = compile({
      ForwardedValues: {
        QueryString: false,
        Cookies: { Forward: 'whitelist', WhitelistedNames: list(['session', 'pref-*', 'ab?']) },
        Headers: list(['Accept-Language']),
      },
      MinTTL: 1,
      DefaultTTL: 60,
      MaxTTL: 120,
    });
    expect(cachePolicy.cookies).toEqual({ behavior: 'whitelist', names: ['session', 'pref-*', 'ab?'] });
    // §5.2: only the wildcard names become the pattern; `*` is any run, `?` exactly one character.
    expect(['pref-', 'pref-lang', 'abc'].map((name) => cachePolicy.cookiePattern!.test(name))).toEqual([true, true, true]);
    expect(['session', 'ab', 'abcd', 'xpref-a'].map((name) => cachePolicy.cookiePattern!.test(name))).toEqual([false, false, false, false]);
    expect(cachePolicy.headers).toEqual({ behavior: 'whitelist', names: ['accept-language'] });
    expect([cachePolicy.minTTL, cachePolicy.defaultTTL, cachePolicy.maxTTL]).toEqual([1, 60, 120]);
  });

  it('§5.2 Headers "*" forwards everything and caches nothing; MinTTL other than 0 warns', () => {
    const diagnostics = { warnings: [] as string[] };
    const { cachePolicy, legacy } = compile({ ForwardedValues: { QueryString: false, Headers: list(['*']) }, MinTTL: 5 }, false, diagnostics);
    expect(legacy.forwardAllHeaders).toBe(true);
    expect(cachePolicy.headers.behavior).toBe('none');
    expect(cachePolicy.maxTTL).toBe(0);
    expect(diagnostics.warnings).toEqual([expect.stringContaining('DefaultCacheBehavior.MinTTL: must be 0')]);
  });

  it('§5.2 (D33) Compress true turns on gzip normalisation, never Brotli', () => {
    const on = compile({ ForwardedValues: { QueryString: false } }, true);
    expect([on.cachePolicy.enableAcceptEncodingGzip, on.cachePolicy.enableAcceptEncodingBrotli]).toEqual([true, false]);
    const off = compile({ ForwardedValues: { QueryString: false } }, false);
    expect(off.cachePolicy.enableAcceptEncodingGzip).toBe(false);
  });

  it('§5.2 rejects an unknown Cookies.Forward value', () => {
    expect(() => compile({ ForwardedValues: { Cookies: { Forward: 'some' } } })).toThrow(
      /DefaultCacheBehavior\.ForwardedValues\.Cookies\.Forward: "some" is not valid/,
    );
  });
});
