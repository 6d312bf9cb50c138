import { describe, it, expect } from 'vitest';
import { CLOUDFRONT_TEXT, type EdgeError } from '../errors.js';
import { headersFromRawHeaders } from '../headers.js';
import { checkDisallowedHeaders } from './check-disallowed-headers.js';

function thrown(fn: () => unknown): EdgeError {
  try {
    fn();
  } catch (error) {
    return error as EdgeError;
  }
  throw new Error("expected a validation error");
}

describe('checkDisallowedHeaders', () => {
  it('§3.2 rejects an added disallowed header, exact names and * prefixes, in any case', () => {
    const before = headersFromRawHeaders(['Host', 'h']);
    for (const name of ['X-Forwarded-Proto', 'Connection', 'x-amz-cf-pop', 'X-Edge-Location', 'X-Cache', 'X-Real-IP', 'Upgrade']) {
      const after = headersFromRawHeaders(['Host', 'h', name, 'v']);
      const error = thrown(() => checkDisallowedHeaders('viewer-request', 'request.headers', before, after));
      expect(error.message).toBe(CLOUDFRONT_TEXT.disallowedHeader);
      expect(error.detail).toBe(
        `viewer-request: request.headers["${name.toLowerCase()}"] was added, but ${name} is a disallowed header that Lambda@Edge may not set (reference §3.2)`,
      );
    }
  });

  it('§3.2 allows ordinary headers, similar names, and names the event already had', () => {
    const after = headersFromRawHeaders(['X-Amzn-Trace-Id', 't', 'X-Amz-Date', 'd', 'X-Edgy', '1', 'Connection', 'close']);
    expect(() => checkDisallowedHeaders('origin-response', 'response.headers', headersFromRawHeaders(['Connection', 'close']), after)).not.toThrow();
    expect(() => checkDisallowedHeaders('viewer-request', 'response.headers', undefined, headersFromRawHeaders(['X-Amz-Date', 'd']))).not.toThrow();
  });
});
