import { describe, it, expect } from 'vitest';
import { compileMethods } from './compile-methods.js';
import { rootLocation } from './json-location.js';

const loc = rootLocation('dist.json', 'DefaultCacheBehavior');
const list = (items: string[]) => ({ Quantity: items.length, Items: items });

describe('compileMethods', () => {
  it('§7.2 defaults to GET, HEAD', () => {
    const { allowedMethods, cachedMethods } = compileMethods({}, loc, { warnings: [] });
    expect([...allowedMethods]).toEqual(['GET', 'HEAD']);
    expect([...cachedMethods]).toEqual(['GET', 'HEAD']);
  });

  it('§7.2 reads AllowedMethods and CachedMethods as upper-case sets', () => {
    const { allowedMethods, cachedMethods } = compileMethods(
      { AllowedMethods: { ...list(['get', 'head', 'options', 'put', 'post', 'patch', 'delete']), CachedMethods: list(['GET', 'HEAD', 'OPTIONS']) } },
      loc,
      { warnings: [] },
    );
    expect(allowedMethods.has('POST')).toBe(true);
    expect(cachedMethods.has('OPTIONS')).toBe(true);
  });

  it('§7.2 warns about a combination CloudFront does not offer and rejects unknown or uncached-but-not-allowed methods', () => {
    const diagnostics = { warnings: [] as string[] };
    compileMethods({ AllowedMethods: list(['GET', 'HEAD', 'POST']) }, loc, diagnostics);
    expect(diagnostics.warnings).toEqual([expect.stringContaining('DefaultCacheBehavior.AllowedMethods: GET, HEAD, POST is not a combination')]);
    expect(() => compileMethods({ AllowedMethods: list(['GET', 'TRACE']) }, loc, { warnings: [] })).toThrow(/Items\[1\]: "TRACE" is not a method/);
    expect(() => compileMethods({ AllowedMethods: { ...list(['GET', 'HEAD']), CachedMethods: list(['GET', 'HEAD', 'OPTIONS']) } }, loc, { warnings: [] })).toThrow(
      /OPTIONS is cached but not allowed/,
    );
  });
});
