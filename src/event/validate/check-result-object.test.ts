import { describe, it, expect } from 'vitest';
import { CLOUDFRONT_TEXT, type EdgeError } from '../errors.js';
import { checkResultObject } from './check-result-object.js';

function thrown(fn: () => unknown): EdgeError {
  try {
    fn();
  } catch (error) {
    return error as EdgeError;
  }
  throw new Error("expected a validation error");
}

describe('checkResultObject', () => {
  it('§3.8 rejects null, arrays, strings and numbers with "must be an object type"', () => {
    for (const bad of [null, [], 'x', 3, true]) {
      const error = thrown(() => checkResultObject('viewer-request', bad));
      expect(error.kind).toBe('LambdaValidationError');
      expect(error.status).toBe(502);
      expect(error.message).toBe(CLOUDFRONT_TEXT.notObject);
      expect(error.detail).toMatch(/^viewer-request: .*\(reference §3\.8\)$/);
    }
    expect(thrown(() => checkResultObject('origin-response', null)).detail).toMatch(/returned nothing/);
  });

  it('§3.8 accepts an object', () => {
    expect(() => checkResultObject('viewer-request', {})).not.toThrow();
  });
});
