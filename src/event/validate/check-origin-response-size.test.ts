import { describe, it, expect } from 'vitest';
import { CLOUDFRONT_TEXT, type EdgeError } from '../errors.js';
import { headersFromRawHeaders } from '../headers.js';
import { checkOriginResponseSize } from './check-origin-response-size.js';

function thrown(fn: () => unknown): EdgeError {
  try {
    fn();
  } catch (error) {
    return error as EdgeError;
  }
  throw new Error("expected a validation error");
}

describe('checkOriginResponseSize', () => {
  it('D29 a body set by origin-response: headers + body up to 1 MB', () => {
    const headers = headersFromRawHeaders(['X-A', 'b']);
    expect(() => checkOriginResponseSize(headers, 'x'.repeat(1024 * 1024 - 8))).not.toThrow();
    const error = thrown(() => checkOriginResponseSize(headers, 'x'.repeat(1024 * 1024 - 7)));
    expect(error.message).toBe(CLOUDFRONT_TEXT.bodyInvalid);
    expect(error.detail).toMatch(/^origin-response: .*1048577 bytes, over the limit of 1048576 .*\(reference §4, D29\)$/);
  });
});
