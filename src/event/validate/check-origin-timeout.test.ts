import { describe, it, expect } from 'vitest';
import { CLOUDFRONT_TEXT, type EdgeError } from '../errors.js';
import { checkOriginTimeout } from './check-origin-timeout.js';

function thrown(fn: () => unknown): EdgeError {
  try {
    fn();
  } catch (error) {
    return error as EdgeError;
  }
  throw new Error("expected a validation error");
}

describe('checkOriginTimeout', () => {
  it('D10 accepts min–60, warns for 61–120', () => {
    const warnings: string[] = [];
    expect(checkOriginTimeout('origin-request', 'request.origin.custom.readTimeout', 4, 4, warnings)).toBe(4);
    expect(checkOriginTimeout('origin-request', 'request.origin.custom.readTimeout', 60, 4, warnings)).toBe(60);
    expect(warnings).toEqual([]);
    expect(checkOriginTimeout('origin-request', 'request.origin.custom.keepaliveTimeout', 90, 1, warnings)).toBe(90);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/keepaliveTimeout is 90.*\(reference §1\.8, D10\)$/);
  });

  it('D10 rejects anything else', () => {
    for (const bad of [3, 121, 0, 5.5, '30', null, undefined]) {
      const error = thrown(() => checkOriginTimeout('origin-request', 'request.origin.custom.readTimeout', bad, 4, []));
      expect(error.message).toBe(CLOUDFRONT_TEXT.invalidShape);
      expect(error.detail).toMatch(/readTimeout .* from 4 to 60 \(reference §1\.8, D10\)$/);
    }
  });
});
