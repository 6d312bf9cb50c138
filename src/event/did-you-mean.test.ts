import { describe, it, expect } from 'vitest';
import { didYouMean } from './did-you-mean.js';

describe('didYouMean', () => {
  it('suggests the closest known key for a likely typo, case-insensitively', () => {
    expect(didYouMean('DefualtCacheBehavior', ['DefaultCacheBehavior', 'CacheBehaviors'])).toBe('DefaultCacheBehavior');
    expect(didYouMean('targetoriginid', ['TargetOriginId'])).toBe('TargetOriginId');
  });

  it('suggests nothing for an unrelated name', () => {
    expect(didYouMean('Foo', ['DefaultCacheBehavior', 'Origins'])).toBeUndefined();
  });
});
