import { describe, it, expect } from 'vitest';
import { CLOUDFRONT_TEXT, type EdgeError } from '../errors.js';
import { checkNoContentBody } from './check-no-content-body.js';

function thrown(fn: () => unknown): EdgeError {
  try {
    fn();
  } catch (error) {
    return error as EdgeError;
  }
  throw new Error("expected a validation error");
}

describe('checkNoContentBody', () => {
  it('§1.10 rejects status 204 with a body from viewer-request', () => {
    const error = thrown(() => checkNoContentBody('viewer-request', 204, 'x'));
    expect(error.message).toBe(CLOUDFRONT_TEXT.invalidShape);
    expect(error.detail).toMatch(/status 204 with body.*\(reference §1\.10\)$/);
  });

  it('§1.10 allows 204 without a body, other statuses, and origin-request', () => {
    expect(() => checkNoContentBody('viewer-request', 204, undefined)).not.toThrow();
    expect(() => checkNoContentBody('viewer-request', 204, '')).not.toThrow();
    expect(() => checkNoContentBody('viewer-request', 200, 'x')).not.toThrow();
    expect(() => checkNoContentBody('origin-request', 204, 'x')).not.toThrow();
  });
});
