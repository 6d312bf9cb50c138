import { describe, it, expect } from 'vitest';
import { CLOUDFRONT_TEXT, type EdgeError } from '../errors.js';
import { parseStatus } from './parse-status.js';

function thrown(fn: () => unknown): EdgeError {
  try {
    fn();
  } catch (error) {
    return error as EdgeError;
  }
  throw new Error("expected a validation error");
}

describe('parseStatus', () => {
  it('§1.11 accepts an integer or a 3-digit string (D14)', () => {
    expect(parseStatus('origin-response', 'response.status', 200)).toBe(200);
    expect(parseStatus('origin-response', 'response.status', '302')).toBe(302);
    expect(parseStatus('viewer-request', 'response.status', 599)).toBe(599);
  });

  it('§1.11 rejects other types and formats', () => {
    for (const bad of ['20', '200 ', ' 200', '2e2', 200.5, null, {}, [], true, '٢٠٠']) {
      const error = thrown(() => parseStatus('origin-response', 'response.status', bad));
      expect(error.message).toBe(CLOUDFRONT_TEXT.invalidShape);
      expect(error.detail).toMatch(/^origin-response: response\.status .*\(reference §1\.11\)$/);
    }
  });

  it('§1.10 rejects a status outside 200–599 (D12)', () => {
    for (const bad of [199, '100', 600, '999', 0, -200]) {
      const error = thrown(() => parseStatus('viewer-request', 'response.status', bad));
      expect(error.kind).toBe('LambdaValidationError');
      expect(error.detail).toMatch(/from 200 to 599 \(reference §1\.10\)$/);
    }
  });
});
