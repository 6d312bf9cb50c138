import { describe, it, expect } from 'vitest';
import { CLOUDFRONT_TEXT, type EdgeError } from '../errors.js';
import { headersFromRawHeaders } from '../headers.js';
import { checkReadOnlyHeaders } from './check-read-only-headers.js';

function thrown(fn: () => unknown): EdgeError {
  try {
    fn();
  } catch (error) {
    return error as EdgeError;
  }
  throw new Error("expected a validation error");
}

const h = headersFromRawHeaders;

describe('checkReadOnlyHeaders', () => {
  it('§3.3 rejects a deleted transfer-encoding in origin-response', () => {
    const error = thrown(() =>
      checkReadOnlyHeaders('origin-response', 'response.headers', h(['Transfer-Encoding', 'chunked', 'Via', 'v']), h(['Via', 'v'])),
    );
    expect(error.kind).toBe('LambdaValidationError');
    expect(error.status).toBe(502);
    expect(error.message).toBe(CLOUDFRONT_TEXT.readOnlyHeader);
    expect(error.detail).toBe(
      'origin-response: response.headers["transfer-encoding"] was deleted, but Transfer-Encoding is read-only in origin-response (reference §3.3)',
    );
  });

  it('§3.3 rejects added and changed read-only headers, including a changed order of values', () => {
    expect(thrown(() => checkReadOnlyHeaders('viewer-request', 'request.headers', h([]), h(['Via', 'x']))).detail).toMatch(/"via"\] was added/);
    expect(thrown(() => checkReadOnlyHeaders('viewer-request', 'request.headers', h(['Host', 'a']), h(['Host', 'b']))).detail).toMatch(/"host"\] was changed/);
    expect(
      thrown(() => checkReadOnlyHeaders('origin-request', 'request.headers', h(['If-None-Match', 'a', 'If-None-Match', 'b']), h(['If-None-Match', 'b', 'If-None-Match', 'a']))).detail,
    ).toMatch(/if-none-match/);
    expect(thrown(() => checkReadOnlyHeaders('viewer-response', 'response.headers', h(['Content-Length', '5']), h([]))).detail).toMatch(/Content-Length is read-only in viewer-response/);
  });

  it('§3.3 ignores key case, allows Host in origin-request and non-read-only headers anywhere', () => {
    expect(() => checkReadOnlyHeaders('viewer-request', 'request.headers', h(['Host', 'a']), h(['HOST', 'a']))).not.toThrow();
    expect(() => checkReadOnlyHeaders('origin-request', 'request.headers', h(['Host', 'a']), h(['Host', 'b']))).not.toThrow();
    expect(() => checkReadOnlyHeaders('origin-response', 'response.headers', h(['Content-Length', '1']), h([]))).not.toThrow();
    expect(() => checkReadOnlyHeaders('viewer-request', 'request.headers', h(['Accept', 'a']), h(['Accept', 'b']))).not.toThrow();
  });
});
