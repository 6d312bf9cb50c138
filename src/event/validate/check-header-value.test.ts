import { describe, it, expect } from 'vitest';
import { CLOUDFRONT_TEXT, type EdgeError } from '../errors.js';
import { checkHeaderValue } from './check-header-value.js';

function thrown(fn: () => unknown): EdgeError {
  try {
    fn();
  } catch (error) {
    return error as EdgeError;
  }
  throw new Error("expected a validation error");
}

describe('checkHeaderValue', () => {
  it('§1.6 rejects a header value that is not a string', () => {
    for (const bad of [1, null, undefined, ['a'], { v: 1 }, true]) {
      const error = thrown(() => checkHeaderValue('origin-response', 'response.headers["x"][0]', bad));
      expect(error.message).toBe(CLOUDFRONT_TEXT.invalidShape);
      expect(error.detail).toMatch(/^origin-response: response\.headers\["x"\]\[0\]\.value .* must be a string.*\(reference §1\.6\)$/);
    }
  });

  it('§1.6 rejects CR, LF and NUL but accepts ordinary and non-ASCII text', () => {
    for (const bad of ['a\r\nX-Injected: 1', 'a\n', 'a\0']) {
      expect(thrown(() => checkHeaderValue('viewer-request', 'request.headers["x"][0]', bad)).detail).toMatch(/CR, LF or NUL/);
    }
    expect(() => checkHeaderValue('viewer-request', 'p', 'text/html; charset=utf-8 ✓\t')).not.toThrow();
    expect(() => checkHeaderValue('viewer-request', 'p', '')).not.toThrow();
  });
});
