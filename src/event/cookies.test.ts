import { describe, expect, it } from 'vitest';
import { sortedCookiePairs } from './cookies.js';
import { headersFromRawHeaders } from './headers.js';

const all = () => true;

describe('sortedCookiePairs', () => {
  it('§5.1 reads every Cookie line and sorts the kept pairs by name, case-sensitively', () => {
    const headers = headersFromRawHeaders(['Cookie', 'b=2; a=1', 'cookie', 'B=3; c=4']);
    expect(sortedCookiePairs(headers, all, undefined)).toEqual(['B=3', 'a=1', 'b=2', 'c=4']);
  });

  it('§5.1 keeps only what the predicate accepts, by the trimmed name (the key and the origin agree on "a =1")', () => {
    const headers = headersFromRawHeaders(['Cookie', 'a =1;  b=2 ;c']);
    const only = new Set(['a', 'c']);
    expect(sortedCookiePairs(headers, (names: Set<string>, name) => names.has(name), only)).toEqual(['a =1', 'c']);
  });

  it('§5.1 no Cookie header: nothing', () => {
    expect(sortedCookiePairs(headersFromRawHeaders(['Host', 'x']), all, undefined)).toEqual([]);
  });
});
