import { describe, it, expect } from 'vitest';
import { CLOUDFRONT_TEXT, type EdgeError } from '../errors.js';
import { checkUrlLength } from './check-url-length.js';

function thrown(fn: () => unknown): EdgeError {
  try {
    fn();
  } catch (error) {
    return error as EdgeError;
  }
  throw new Error("expected a validation error");
}

describe('checkUrlLength', () => {
  it('§3.6 rejects uri + query string of 8,192 characters or more', () => {
    const error = thrown(() => checkUrlLength('viewer-request', `/${'a'.repeat(8000)}`, 'b'.repeat(191)));
    expect(error.message).toBe(CLOUDFRONT_TEXT.invalidShape);
    expect(error.detail).toMatch(/8192 characters, but they must be under 8192 \(reference §3\.6\)$/);
  });

  it('§3.6 accepts 8,191 characters', () => {
    expect(() => checkUrlLength('viewer-request', `/${'a'.repeat(8000)}`, 'b'.repeat(190))).not.toThrow();
  });
});
