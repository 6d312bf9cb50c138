import { describe, it, expect } from 'vitest';
import { CLOUDFRONT_TEXT, type EdgeError } from '../errors.js';
import { headersFromRawHeaders } from '../headers.js';
import { checkOriginCustomHeaders } from './check-origin-custom-headers.js';

function thrown(fn: () => unknown): EdgeError {
  try {
    fn();
  } catch (error) {
    return error as EdgeError;
  }
  throw new Error("expected a validation error");
}

const h = headersFromRawHeaders;
const P = 'request.origin.custom.customHeaders';

describe('checkOriginCustomHeaders', () => {
  it('§3.2 rejects a disallowed header added to customHeaders', () => {
    const error = thrown(() => checkOriginCustomHeaders('origin-request', P, h([]), h(['X-Forwarded-Proto', 'https']), h([])));
    expect(error.message).toBe(CLOUDFRONT_TEXT.disallowedHeader);
    expect(error.detail).toMatch(/customHeaders\["x-forwarded-proto"\].*\(reference §3\.2\)$/);
  });

  it('§3.4 rejects names on the origin custom header deny list', () => {
    for (const name of ['Cache-Control', 'Cookie', 'Host', 'Range', 'X-Amz-Date', 'Via', 'TE']) {
      const error = thrown(() => checkOriginCustomHeaders('origin-request', P, h([]), h([name, 'v']), h([])));
      expect(error.message).toBe(CLOUDFRONT_TEXT.invalidShape);
      expect(error.detail).toMatch(/\(reference §3\.4\)$/);
    }
  });

  it('§1.8 rejects a custom header that repeats a request header', () => {
    const error = thrown(() => checkOriginCustomHeaders('origin-request', P, h([]), h(['X-Secret', 's']), h(['X-Secret', 'viewer'])));
    expect(error.detail).toMatch(/request\.headers also has "x-secret".*\(reference §1\.8\)$/);
  });

  it('§3.4 allows ordinary names and names the event already had', () => {
    expect(() => checkOriginCustomHeaders('origin-request', P, h([]), h(['X-Origin-Secret', 's']), h(['Host', 'h']))).not.toThrow();
    expect(() => checkOriginCustomHeaders('origin-request', P, h(['X-Amz-Meta', '1']), h(['X-Amz-Meta', '2']), h([]))).not.toThrow();
  });
});
