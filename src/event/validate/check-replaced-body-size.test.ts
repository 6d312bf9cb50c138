import { describe, it, expect } from 'vitest';
import { CLOUDFRONT_TEXT, type EdgeError } from '../errors.js';
import { checkReplacedBodySize, REPLACED_BODY_LIMIT } from './check-replaced-body-size.js';

function thrown(fn: () => unknown): EdgeError {
  try {
    fn();
  } catch (error) {
    return error as EdgeError;
  }
  throw new Error("expected a validation error");
}

describe('checkReplacedBodySize', () => {
  it('D8 text bodies: 40 KB viewer, 1 MB origin', () => {
    expect(() => checkReplacedBodySize('viewer-request', 'x'.repeat(40960), 'text')).not.toThrow();
    const error = thrown(() => checkReplacedBodySize('viewer-request', 'x'.repeat(40961), 'text'));
    expect(error.message).toBe(CLOUDFRONT_TEXT.bodyInvalid);
    expect(error.detail).toMatch(/^viewer-request: request\.body\.data is 40961 bytes of text, over the viewer-request limit of 40960 \(reference §4, D8\)$/);
    expect(() => checkReplacedBodySize('origin-request', 'x'.repeat(1048576), 'text')).not.toThrow();
    expect(() => checkReplacedBodySize('origin-request', 'x'.repeat(1048577), 'text')).toThrow();
  });

  it('D8 base64 bodies: 53.2 KB viewer, 1.33 MB origin', () => {
    expect(REPLACED_BODY_LIMIT['viewer-request'].base64).toBe(54476);
    expect(REPLACED_BODY_LIMIT['origin-request'].base64).toBe(1394606);
    expect(() => checkReplacedBodySize('viewer-request', 'A'.repeat(54476), 'base64')).not.toThrow();
    expect(thrown(() => checkReplacedBodySize('viewer-request', 'A'.repeat(54477), 'base64')).detail).toMatch(/characters of base64/);
    expect(() => checkReplacedBodySize('origin-request', 'A'.repeat(1394607), 'base64')).toThrow();
  });
});
