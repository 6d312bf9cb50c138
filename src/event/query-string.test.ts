import { describe, expect, it } from 'vitest';
import { filterQueryString } from './query-string.js';

const inSet = (set: Set<string>, name: string) => set.has(name);

describe('filterQueryString', () => {
  it('§5.1 keeps accepted parameters in viewer order; names are case-sensitive; only & separates', () => {
    const keep = new Set(['b', 'a', 'x;y']);
    expect(filterQueryString('a=1&A=2&b&c=3&x;y=4&a=5', inSet, keep)).toBe('a=1&b&x;y=4&a=5');
  });

  it('§5.1 drops empty parameters', () => {
    expect(filterQueryString('&&a=1&&', () => true, undefined)).toBe('a=1');
  });
});
