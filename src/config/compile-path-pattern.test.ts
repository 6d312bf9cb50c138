import { describe, it, expect } from 'vitest';
import { compilePathPattern } from './compile-path-pattern.js';
import { rootLocation } from './json-location.js';

const loc = rootLocation('dist.json', 'CacheBehaviors.Items[0].PathPattern');
const compile = (pattern: string) => compilePathPattern(pattern, loc);

describe('compilePathPattern', () => {
  it('§7.1 matches an exact path only without wildcards', () => {
    const matches = compile('/index.html');
    expect(matches('/index.html')).toBe(true);
    expect(matches('/index.html2')).toBe(false);
    expect(matches('/Index.html')).toBe(false);
  });

  it('§7.1 treats a trailing * as a prefix that crosses /', () => {
    const matches = compile('/images/*');
    expect(matches('/images/a.png')).toBe(true);
    expect(matches('/images/deep/b.png')).toBe(true);
    expect(matches('/images')).toBe(false);
    expect(matches('/img/a.png')).toBe(false);
  });

  it('§7.1 makes the leading / optional', () => {
    expect(compile('images/*.jpg')('/images/sub/dir/photo.jpg')).toBe(true);
    expect(compile('api/v1')('/api/v1')).toBe(true);
  });

  it('§7.1 matches case-sensitively: *.jpg does not match LOGO.JPG', () => {
    const matches = compile('*.jpg');
    expect(matches('/logo.jpg')).toBe(true);
    expect(matches('/a/b/logo.jpg')).toBe(true);
    expect(matches('/LOGO.JPG')).toBe(false);
  });

  it('§7.1 ? matches exactly one character', () => {
    const matches = compile('/v?/data');
    expect(matches('/v1/data')).toBe(true);
    expect(matches('/v10/data')).toBe(false);
    expect(matches('/v/data')).toBe(false);
  });

  it('§7.1 escapes RegExp characters and decodes &amp;', () => {
    expect(compile('/a.b$/*.css')('/a.b$/x.css')).toBe(true);
    expect(compile('/a.b$/*.css')('/aXb$/x.css')).toBe(false);
    expect(compile('/q&amp;a/*')('/q&a/1')).toBe(true);
  });

  it('§7.1 * and /* match everything', () => {
    expect(compile('*')('/anything/at/all')).toBe(true);
    expect(compile('/*')('/')).toBe(true);
  });

  it('§7.1 rejects characters CloudFront does not allow, and over-long patterns', () => {
    expect(() => compile('/a b/*')).toThrow(/CacheBehaviors\.Items\[0\]\.PathPattern: .*character CloudFront does not allow/);
    expect(() => compile('/a%20b')).toThrow(/does not allow/);
    expect(() => compile(`/${'a'.repeat(255)}`)).toThrow(/1 to 255 characters/);
  });
});
