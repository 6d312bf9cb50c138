import { describe, it, expect } from 'vitest';
import { globCovers, globIntersects, globMatches } from './wildcard.js';

describe('globMatches', () => {
  it.each([
    ['*', 'anything', true],
    ['lambda:get*', 'lambda:getfunction', true],
    ['lambda:get?unction', 'lambda:getfunction', true],
    ['lambda:get?', 'lambda:getfunction', false],
    ['arn:aws:lambda:us-east-1:1:function:f*', 'arn:aws:lambda:us-east-1:1:function:f:7', true],
    ['arn:aws:lambda:us-east-1:1:function:f', 'arn:aws:lambda:us-east-1:1:function:f:7', false],
    ['arn:aws:lambda:us-east-1:1:function:F*', 'arn:aws:lambda:us-east-1:1:function:f:7', false],
    ['a.b', 'axb', false],
  ])('§10.7 %s matches %s → %s', (pattern, value, expected) => {
    expect(globMatches(pattern, value)).toBe(expected);
  });
});

describe('globCovers (§10.4 containment)', () => {
  const q = 'lambda:enablereplication*';
  it.each([
    ['*', true],
    ['lambda:*', true],
    ['lambda:enable*', true],
    ['lambda:enablereplication*', true],
    ['lambda:*replication*', true],
    ['lambda:*e*', true],
    ['lambda:enablereplication', false],
    ['lambda:enablereplication?', false],
    ['lambda:enablereplication?*', false],
    ['lambda:disable*', false],
    ['lambda:enablereplication*x', false],
  ])('§10.4 %s covers lambda:EnableReplication* → %s', (outer, expected) => {
    expect(globCovers(outer, q)).toBe(expected);
  });

  it('§10.4 a literal inner pattern is plain matching', () => {
    expect(globCovers('lambda:get*', 'lambda:getfunction')).toBe(true);
    expect(globCovers('lambda:getfunction', 'lambda:getfunction')).toBe(true);
    expect(globCovers('lambda:getfunction', 'lambda:getfunction*')).toBe(false);
  });
});

describe('globIntersects', () => {
  it.each([
    ['lambda:*replication*', 'lambda:enablereplication*', true],
    ['lambda:enablereplication', 'lambda:enablereplication*', true],
    ['lambda:disable*', 'lambda:enablereplication*', false],
    ['lambda:enablereplication?x', 'lambda:enablereplication*', true],
    ['s3:*', 'lambda:enablereplication*', false],
  ])('§10.4 %s can meet %s → %s', (a, b, expected) => {
    expect(globIntersects(a, b)).toBe(expected);
    expect(globIntersects(b, a)).toBe(expected);
  });
});
