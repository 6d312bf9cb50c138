import { describe, it, expect } from 'vitest';
import { CLOUDFRONT_TEXT, type EdgeError } from '../errors.js';
import { checkQuerystring } from './check-querystring.js';

function thrown(fn: () => unknown): EdgeError {
  try {
    fn();
  } catch (error) {
    return error as EdgeError;
  }
  throw new Error("expected a validation error");
}

describe('checkQuerystring', () => {
  it('§3.6 rejects a changed query string with spaces, control characters or #', () => {
    for (const bad of ['a=1 2', 'a=1#x', 'a=\n', 'a=\u007f']) {
      const error = thrown(() => checkQuerystring('viewer-request', bad, ''));
      expect(error.message).toBe(CLOUDFRONT_TEXT.invalidShape);
      expect(error.detail).toMatch(/^viewer-request: request\.querystring has .* at position \d+.*\(reference §3\.6\)$/);
    }
  });

  it('§3.6 requires a string', () => {
    for (const bad of [undefined, null, 1, {}]) {
      expect(thrown(() => checkQuerystring('origin-request', bad, '')).detail).toMatch(/must be a string/);
    }
  });

  it('§3.6 accepts encoded, non-ASCII, empty and unchanged query strings', () => {
    expect(checkQuerystring('viewer-request', 'a=%20&b=é', '')).toBe('a=%20&b=é');
    expect(checkQuerystring('viewer-request', '', 'x=1')).toBe('');
    expect(checkQuerystring('viewer-request', 'as sent', 'as sent')).toBe('as sent');
  });
});
