import { describe, it, expect } from 'vitest';
import { CLOUDFRONT_TEXT, type EdgeError } from '../errors.js';
import { readResponseBody } from './read-response-body.js';

function thrown(fn: () => unknown): EdgeError {
  try {
    fn();
  } catch (error) {
    return error as EdgeError;
  }
  throw new Error("expected a validation error");
}

describe('readResponseBody', () => {
  it('§1.10 decodes text (default) and base64 bodies to exact bytes', () => {
    expect(readResponseBody('viewer-request', 'héllo', undefined)).toEqual(Buffer.from('héllo', 'utf8'));
    expect(readResponseBody('viewer-request', 'héllo', 'text')).toEqual(Buffer.from('héllo', 'utf8'));
    expect(readResponseBody('origin-response', 'AP8KDQ==', 'base64')).toEqual(Buffer.from([0, 255, 10, 13]));
  });

  it('§1.10 rejects a body that is not a string', () => {
    for (const bad of [null, 5, {}, ['a']]) {
      const error = thrown(() => readResponseBody('origin-request', bad, undefined));
      expect(error.message).toBe(CLOUDFRONT_TEXT.bodyInvalid);
      expect(error.detail).toMatch(/^origin-request: response\.body .*must be a string \(reference §1\.10\)$/);
    }
  });

  it('§1.10 rejects an unknown bodyEncoding and invalid base64', () => {
    expect(thrown(() => readResponseBody('viewer-request', 'x', 'gzip')).detail).toMatch(/bodyEncoding/);
    const error = thrown(() => readResponseBody('viewer-request', 'x!', 'base64'));
    expect(error.message).toBe(CLOUDFRONT_TEXT.invalidShape);
    expect(error.detail).toMatch(/invalid base64/);
  });
});
