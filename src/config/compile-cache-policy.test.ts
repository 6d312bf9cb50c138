import { describe, it, expect } from 'vitest';
import { compileCachePolicy } from './compile-cache-policy.js';
import { rootLocation, type Diagnostics } from './json-location.js';

const loc = rootLocation('edge-dev.config.json', 'cachePolicies.p1');
function compile(config: unknown, diagnostics: Diagnostics = { warnings: [] }) {
  return compileCachePolicy('p1', config, loc, diagnostics);
}
const list = (items: string[]) => ({ Quantity: items.length, Items: items });
function params(headers: string[], cookies: string[] = [], queryStrings: string[] = []) {
  return {
    MinTTL: 0,
    ParametersInCacheKeyAndForwardedToOrigin: {
      HeadersConfig: { HeaderBehavior: headers.length ? 'whitelist' : 'none', Headers: list(headers) },
      CookiesConfig: { CookieBehavior: cookies.length ? 'whitelist' : 'none', Cookies: list(cookies) },
      QueryStringsConfig: { QueryStringBehavior: queryStrings.length ? 'whitelist' : 'none', QueryStrings: list(queryStrings) },
    },
  };
}

describe('compileCachePolicy', () => {
  it('§5.1 compiles a CachePolicyConfig, lower-casing header names only', () => {
    const policy = compile({
      Name: 'mine',
      MinTTL: 5,
      DefaultTTL: 60,
      MaxTTL: 600,
      ParametersInCacheKeyAndForwardedToOrigin: {
        EnableAcceptEncodingGzip: true,
        EnableAcceptEncodingBrotli: false,
        HeadersConfig: { HeaderBehavior: 'whitelist', Headers: list(['Accept-Language']) },
        CookiesConfig: { CookieBehavior: 'allExcept', Cookies: list(['Tracking']) },
        QueryStringsConfig: { QueryStringBehavior: 'all' },
      },
    });
    expect(policy).toEqual({
      id: 'p1',
      name: 'mine',
      minTTL: 5,
      defaultTTL: 60,
      maxTTL: 600,
      headers: { behavior: 'whitelist', names: ['accept-language'] },
      cookies: { behavior: 'allExcept', names: ['Tracking'] },
      queryStrings: { behavior: 'all', names: [] },
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: false,
    });
  });

  it('§5.1 accepts get-cache-policy output and defaults DefaultTTL/MaxTTL', () => {
    const policy = compile({ CachePolicy: { Id: 'p1', CachePolicyConfig: { Name: 'n', MinTTL: 100_000 } } });
    expect([policy.minTTL, policy.defaultTTL, policy.maxTTL]).toEqual([100_000, 100_000, 31_536_000]);
    expect(policy.headers.behavior).toBe('none');
  });

  it('§5.1 requires MinTTL and non-decreasing TTLs', () => {
    expect(() => compile({ Name: 'n' })).toThrow(/cachePolicies\.p1\.MinTTL: is required/);
    expect(() => compile({ MinTTL: 10, DefaultTTL: 5 })).toThrow(/DefaultTTL: 5 is below MinTTL 10/);
  });

  it('§4 rejects more than 10 headers in a cache policy', () => {
    const headers = Array.from({ length: 11 }, (_, i) => `x-h${i}`);
    expect(() => compile(params(headers))).toThrow(/HeadersConfig\.Headers: lists 11 headers; a cache policy allows at most 10/);
    expect(() => compile(params([], Array.from({ length: 11 }, (_, i) => `c${i}`)))).toThrow(/11 cookies/);
  });

  it('§4 rejects names longer than 1,024 characters in total', () => {
    const long = ['a', 'b', 'c'].map((c) => c.repeat(400));
    expect(() => compile(params([], long))).toThrow(/add up to 1200 characters/);
  });

  it('§6.3 rejects CloudFront-Viewer-Address in a cache policy', () => {
    expect(() => compile(params(['CloudFront-Viewer-Address']))).toThrow(/Headers\.Items\[0\]: cloudfront-viewer-address is allowed in origin request policies only/);
  });

  it('§5.1 rejects an unknown header behavior and warns about unknown keys', () => {
    const bad = params([]);
    (bad.ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig as { HeaderBehavior: string }).HeaderBehavior = 'allViewer';
    expect(() => compile(bad)).toThrow(/HeaderBehavior: "allViewer" is not valid: use one of "none", "whitelist"/);
    const diagnostics = { warnings: [] };
    compile({ MinTTL: 0, MaxTtl: 5 }, diagnostics);
    expect(diagnostics.warnings).toEqual([expect.stringContaining('unknown key "MaxTtl" is ignored; did you mean "MaxTTL"?')]);
  });
});
