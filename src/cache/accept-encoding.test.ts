import { describe, it, expect } from 'vitest';
import { normaliseAcceptEncoding } from './accept-encoding.js';
import { policy } from './test-fixtures.js';

const both = policy({ enableAcceptEncodingGzip: true, enableAcceptEncodingBrotli: true });
const gzipOnly = policy({ enableAcceptEncodingGzip: true });
const brOnly = policy({ enableAcceptEncodingBrotli: true });
const neither = policy();

describe('normaliseAcceptEncoding', () => {
  it('§5.3 gzip + br, viewer sends both (and deflate): br,gzip', () => {
    expect(normaliseAcceptEncoding(both, 'gzip, deflate, br')).toBe('br,gzip');
    expect(normaliseAcceptEncoding(both, 'br;q=1.0, gzip;q=0.8, *;q=0.1')).toBe('br,gzip');
  });
  it('§5.3 gzip + br, viewer sends only one: that one', () => {
    expect(normaliseAcceptEncoding(both, 'gzip, deflate')).toBe('gzip');
    expect(normaliseAcceptEncoding(both, 'br')).toBe('br');
  });
  it('§5.3 gzip + br, viewer sends neither: identity (not in key)', () => {
    expect(normaliseAcceptEncoding(both, 'deflate, compress')).toBe('identity');
    expect(normaliseAcceptEncoding(both, '')).toBe('identity');
  });
  it('§5.3 gzip only / br only keep just that token, even if the viewer also sent the other', () => {
    expect(normaliseAcceptEncoding(gzipOnly, 'gzip, br')).toBe('gzip');
    expect(normaliseAcceptEncoding(brOnly, 'gzip, br')).toBe('br');
  });
  it('§5.3 gzip only / br only, token missing: identity', () => {
    expect(normaliseAcceptEncoding(gzipOnly, 'br, deflate')).toBe('identity');
    expect(normaliseAcceptEncoding(brOnly, 'gzip')).toBe('identity');
  });
  it('§5.3 both disabled: the viewer value untouched (ordinary header)', () => {
    expect(normaliseAcceptEncoding(neither, 'gzip, deflate, br')).toBe('gzip, deflate, br');
  });
  it('§5.3 header absent: undefined (not in key, not sent)', () => {
    expect(normaliseAcceptEncoding(both, undefined)).toBeUndefined();
    expect(normaliseAcceptEncoding(neither, undefined)).toBeUndefined();
  });
  it('§5.3 tokens are case-insensitive and q=0 refuses a coding', () => {
    expect(normaliseAcceptEncoding(both, 'GZIP, Br')).toBe('br,gzip');
    expect(normaliseAcceptEncoding(both, 'gzip;q=0, br')).toBe('br');
    expect(normaliseAcceptEncoding(both, 'gzip; q=0.000')).toBe('identity');
    expect(normaliseAcceptEncoding(both, 'gzip;q=0.5')).toBe('gzip');
  });
});
