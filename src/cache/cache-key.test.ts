import { describe, it, expect } from 'vitest';
import { cacheKey } from './cache-key.js';
import { CACHING_OPTIMIZED, headers, policy, request } from './test-fixtures.js';

const D = 'd111111abcdef8.cloudfront.net';
const plain = policy();

describe('cacheKey', () => {
  it('§5.1 default key is domain + path only: query, headers, cookies ignored', () => {
    const a = cacheKey(plain, D, request('/a.jpg'));
    const b = cacheKey(
      plain,
      D,
      request('/a.jpg', { querystring: 'x=1', headers: headers({ Cookie: 'a=1', 'User-Agent': 'x' }) }),
    );
    expect(b).toBe(a);
    expect(cacheKey(plain, D, request('/b.jpg'))).not.toBe(a);
    expect(cacheKey(plain, 'other.example.com', request('/a.jpg'))).not.toBe(a);
  });

  it('§5.1 (D31) OPTIONS has its own entries; GET and HEAD share', () => {
    const get = cacheKey(plain, D, request('/a'));
    expect(cacheKey(plain, D, request('/a', { method: 'HEAD' }))).toBe(get);
    expect(cacheKey(plain, D, request('/a', { method: 'OPTIONS' }))).not.toBe(get);
  });

  it('§5.1 path is case-sensitive', () => {
    expect(cacheKey(plain, D, request('/A'))).not.toBe(cacheKey(plain, D, request('/a')));
  });

  it('§5.1 Host in the key replaces the domain, lower-cased', () => {
    const p = policy({ headers: { behavior: 'whitelist', names: ['host'] } });
    const a = cacheKey(p, D, request('/', { headers: headers({ Host: 'WWW.Example.com' }) }));
    const b = cacheKey(p, D, request('/', { headers: headers({ Host: 'www.example.com' }) }));
    const c = cacheKey(p, D, request('/', { headers: headers({ Host: 'img.example.com' }) }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(a).toContain('www.example.com');
    expect(a).not.toContain(D);
  });

  describe('query strings', () => {
    const all = policy({ queryStrings: { behavior: 'all', names: [] } });
    const white = policy({ queryStrings: { behavior: 'whitelist', names: ['a', 'B'] } });
    const except = policy({ queryStrings: { behavior: 'allExcept', names: ['utm'] } });
    const k = (p: typeof all, qs: string) => cacheKey(p, D, request('/x', { querystring: qs }));

    it('§5.1 order matters', () => {
      expect(k(all, 'a=1&b=2')).not.toBe(k(all, 'b=2&a=1'));
      expect(k(white, 'a=1&B=2')).not.toBe(k(white, 'B=2&a=1'));
    });
    it('§5.1 names and values are case-sensitive', () => {
      expect(k(all, 'a=1')).not.toBe(k(all, 'A=1'));
      expect(k(all, 'a=x')).not.toBe(k(all, 'a=X'));
      expect(k(white, 'b=1')).toBe(k(white, ''));
      expect(k(white, 'B=1')).not.toBe(k(white, ''));
    });
    it('§5.1 whitelist keeps only listed names, in original order', () => {
      expect(k(white, 'z=9&a=1&c=3')).toBe(k(white, 'a=1'));
      expect(k(white, 'a=1&z=9&B=2')).toBe(k(white, 'a=1&B=2'));
    });
    it('§5.1 allExcept drops listed names', () => {
      expect(k(except, 'a=1&utm=x')).toBe(k(except, 'a=1'));
      expect(k(except, 'a=1&utm=x')).not.toBe(k(except, ''));
    });
    it('§5.1 none ignores the query', () => {
      expect(k(plain, 'a=1')).toBe(k(plain, ''));
    });
    it('§5.1 only & separates parameters', () => {
      const p = policy({ queryStrings: { behavior: 'whitelist', names: ['a'] } });
      // `a=1;b=2` is one parameter named a with value `1;b=2`.
      expect(k(p, 'a=1;b=2')).not.toBe(k(p, 'a=1'));
      expect(k(p, 'b=2;a=1')).toBe(k(p, ''));
    });
    it('§5.1 a name without = is a parameter too', () => {
      const p = policy({ queryStrings: { behavior: 'whitelist', names: ['flag'] } });
      expect(k(p, 'flag&x=1')).not.toBe(k(p, ''));
    });
  });

  describe('headers', () => {
    const p = policy({ headers: { behavior: 'whitelist', names: ['x-b', 'x-a'] } });
    const k = (h: Record<string, string | string[]>) => cacheKey(p, D, request('/x', { headers: headers(h) }));

    it('§5.1 listed header values are in the key, case-sensitive', () => {
      expect(k({ 'X-A': 'v' })).not.toBe(k({}));
      expect(k({ 'X-A': 'v' })).not.toBe(k({ 'X-A': 'V' }));
    });
    it('§5.1 header order and name case do not matter', () => {
      const one = cacheKey(p, D, request('/x', { headers: headers({ 'X-A': '1', 'x-b': '2' }) }));
      const two = cacheKey(p, D, request('/x', { headers: headers({ 'x-b': '2', 'x-a': '1' }) }));
      expect(one).toBe(two);
    });
    it('§5.1 unlisted headers are ignored; an empty value differs from an absent header', () => {
      expect(k({ 'X-C': '1' })).toBe(k({}));
      expect(k({ 'X-A': '' })).not.toBe(k({}));
    });
  });

  describe('cookies', () => {
    const all = policy({ cookies: { behavior: 'all', names: [] } });
    const white = policy({ cookies: { behavior: 'whitelist', names: ['session'] } });
    const except = policy({ cookies: { behavior: 'allExcept', names: ['_ga'] } });
    const k = (p: typeof all, cookie: string | string[]) =>
      cacheKey(p, D, request('/x', { headers: headers({ Cookie: cookie }) }));

    it('§5.1 cookies are sorted by name: sending order does not matter', () => {
      expect(k(all, 'b=2; a=1')).toBe(k(all, 'a=1; b=2'));
      expect(k(all, ['b=2', 'a=1'])).toBe(k(all, 'a=1;b=2'));
    });
    it('§5.1 cookie names and values are case-sensitive', () => {
      expect(k(all, 'a=1')).not.toBe(k(all, 'A=1'));
      expect(k(all, 'a=x')).not.toBe(k(all, 'a=X'));
    });
    it('§5.1 whitelist, allExcept and none', () => {
      expect(k(white, 'session=1; other=2')).toBe(k(white, 'session=1'));
      expect(k(white, 'session=1')).not.toBe(k(white, 'session=2'));
      expect(k(except, '_ga=1; a=1')).toBe(k(except, 'a=1'));
      expect(k(plain, 'a=1')).toBe(cacheKey(plain, D, request('/x')));
    });
    it('§5.2 legacy whitelist names take * and ? wildcards', () => {
      // config compiles a legacy whitelist's wildcard names into cookiePattern (compile-legacy-forwarding.ts).
      const legacy = policy({ id: 'legacy:/api/*', cookies: { behavior: 'whitelist', names: ['sess-*', 'l?'] }, cookiePattern: /^(?:sess-.*|l.)$/s });
      expect(k(legacy, 'sess-abc=1')).not.toBe(k(legacy, ''));
      expect(k(legacy, 'lg=1')).not.toBe(k(legacy, ''));
      expect(k(legacy, 'other=1; lang=x')).toBe(k(legacy, ''));
      // A cache policy's names are literal.
      const literal = policy({ cookies: { behavior: 'whitelist', names: ['sess-*'] } });
      expect(k(literal, 'sess-abc=1')).toBe(k(literal, ''));
    });
  });

  describe('Accept-Encoding', () => {
    const k = (p: typeof plain, ae?: string) =>
      cacheKey(p, D, request('/x', { headers: ae === undefined ? {} : headers({ 'Accept-Encoding': ae }) }));

    it('§5.3 normalised value in the key: equivalent viewer values share an entry', () => {
      expect(k(CACHING_OPTIMIZED, 'gzip, deflate, br')).toBe(k(CACHING_OPTIMIZED, 'br, gzip'));
      expect(k(CACHING_OPTIMIZED, 'gzip')).not.toBe(k(CACHING_OPTIMIZED, 'br,gzip'));
    });
    it('§5.3 no accepted coding and an absent header are both "not in key"', () => {
      expect(k(CACHING_OPTIMIZED, 'deflate')).toBe(k(CACHING_OPTIMIZED));
    });
    it('§5.3 both disabled: ignored unless listed, then an exact ordinary header', () => {
      expect(k(plain, 'gzip')).toBe(k(plain));
      const listed = policy({ headers: { behavior: 'whitelist', names: ['accept-encoding'] } });
      expect(k(listed, 'gzip, br')).not.toBe(k(listed, 'br, gzip'));
    });
  });

  it('D32 the key is unambiguous: parts cannot shift into each other', () => {
    const p = policy({
      queryStrings: { behavior: 'all', names: [] },
      headers: { behavior: 'whitelist', names: ['x-a', 'x-b'] },
      cookies: { behavior: 'all', names: [] },
    });
    const keys = new Set([
      cacheKey(p, D, request('/a', { querystring: 'q=1' })),
      cacheKey(p, D, request('/aq=1')),
      cacheKey(p, D, request('/a', { headers: headers({ 'X-A': '1x-b1:1' }) })),
      cacheKey(p, D, request('/a', { headers: headers({ 'X-A': '1', 'X-B': '1' }) })),
      cacheKey(p, D, request('/a', { headers: headers({ 'X-B': '1' }) })),
      cacheKey(p, D, request('/a', { headers: headers({ Cookie: 'a=1' }) })),
      cacheKey(p, D, request('/a', { headers: headers({ 'X-A': 'c3:a=1' }) })),
      cacheKey(p, 'd.net', request('/a')),
      cacheKey(p, 'd.ne', request('t/a')),
    ]);
    expect(keys.size).toBe(9);
  });

  it('§5.1 the compiled builder follows the policy object it was given', () => {
    const a = policy({ queryStrings: { behavior: 'all', names: [] } });
    const b = policy();
    const r = request('/x', { querystring: 'v=1' });
    expect(cacheKey(a, D, r)).not.toBe(cacheKey(b, D, r));
    expect(cacheKey(b, D, r)).toBe(cacheKey(b, D, request('/x')));
  });
});
