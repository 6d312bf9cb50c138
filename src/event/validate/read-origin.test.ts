import { describe, it, expect } from 'vitest';
import { CLOUDFRONT_TEXT, type EdgeError } from '../errors.js';
import { headersFromRawHeaders } from '../headers.js';
import type { CloudFrontOrigin } from '../types.js';
import { readOrigin } from './read-origin.js';

function thrown(fn: () => unknown): EdgeError {
  try {
    fn();
  } catch (error) {
    return error as EdgeError;
  }
  throw new Error("expected a validation error");
}

const before: CloudFrontOrigin = {
  custom: { customHeaders: {}, domainName: 'example.org', keepaliveTimeout: 5, path: '', port: 443, protocol: 'https', readTimeout: 30, sslProtocols: ['TLSv1.2'] },
};

describe('readOrigin', () => {
  it('§1.8 switches to an S3 origin and returns a fresh object', () => {
    const value = { s3: { authMethod: 'none', customHeaders: { 'x-a': [{ value: '1' }] }, domainName: 'b.s3.amazonaws.com', path: '', region: '' } };
    const origin = readOrigin('origin-request', value, before, headersFromRawHeaders([]), []);
    expect(origin).not.toBe(value);
    expect(JSON.parse(JSON.stringify(origin))).toEqual({ s3: { customHeaders: { 'x-a': [{ key: 'X-A', value: '1' }] }, authMethod: 'none', domainName: 'b.s3.amazonaws.com', path: '', region: '' } });
  });

  it('§1.8 requires exactly one of custom and s3', () => {
    for (const [value, pattern] of [
      [{}, /neither/],
      [{ custom: before.custom, s3: {} }, /both/],
      ['x', /must be an object/],
      [{ custom: 'x' }, /request\.origin\.custom is the string/],
    ] as const) {
      const error = thrown(() => readOrigin('origin-request', value, before, headersFromRawHeaders([]), []));
      expect(error.message).toBe(CLOUDFRONT_TEXT.invalidShape);
      expect(error.detail).toMatch(pattern);
      expect(error.detail).toMatch(/\(reference §1\.8\)$/);
    }
  });

  it('§1.8 keeps the event origin, with a warning, when the result has none', () => {
    const warnings: string[] = [];
    expect(readOrigin('origin-request', undefined, before, headersFromRawHeaders([]), warnings)).toBe(before);
    expect(warnings[0]).toMatch(/request\.origin was removed/);
  });
});
