import { describe, it, expect } from 'vitest';
import { CLOUDFRONT_TEXT, type EdgeError } from '../errors.js';
import { headersFromRawHeaders } from '../headers.js';
import { checkGeneratedResponseSize } from './check-generated-response-size.js';

function thrown(fn: () => unknown): EdgeError {
  try {
    fn();
  } catch (error) {
    return error as EdgeError;
  }
  throw new Error("expected a validation error");
}

describe('checkGeneratedResponseSize', () => {
  // "X-A: b" CRLF = 8 bytes
  const headers = headersFromRawHeaders(['X-A', 'b']);

  it('§4 viewer-request: headers + body up to 40 KB pass, one byte more fails', () => {
    expect(() => checkGeneratedResponseSize('viewer-request', headers, 'x'.repeat(40 * 1024 - 8))).not.toThrow();
    const error = thrown(() => checkGeneratedResponseSize('viewer-request', headers, 'x'.repeat(40 * 1024 - 7)));
    expect(error.message).toBe(CLOUDFRONT_TEXT.bodyInvalid);
    expect(error.detail).toBe("viewer-request: the generated response's headers and body are 40961 bytes, over the viewer-request limit of 40960 bytes (reference §4)");
  });

  it('§4 origin-request allows 1 MB and counts multi-byte characters as bytes', () => {
    expect(() => checkGeneratedResponseSize('origin-request', headers, 'x'.repeat(1024 * 1024 - 8))).not.toThrow();
    expect(() => checkGeneratedResponseSize('origin-request', headers, 'é'.repeat(512 * 1024))).toThrow();
  });
});
