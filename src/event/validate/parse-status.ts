import { CLOUDFRONT_TEXT } from '../errors.js';
import type { LambdaEventType } from '../types.js';
import { describe, validationError } from './fail.js';

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * §1.10, §1.11 (D12, D14): a returned status is an integer or a string of 3 ASCII digits, from 200 to 599.
 * Returns it as a number.
 */
export function parseStatus(eventType: LambdaEventType, path: string, value: unknown): number {
  let status = Number.NaN;
  if (typeof value === 'number' && Number.isInteger(value)) {
    status = value;
  } else if (
    typeof value === 'string' &&
    value.length === 3 &&
    isDigit(value.charCodeAt(0)) &&
    isDigit(value.charCodeAt(1)) &&
    isDigit(value.charCodeAt(2))
  ) {
    status = Number(value);
  } else {
    throw validationError(
      CLOUDFRONT_TEXT.invalidShape,
      eventType,
      `${path} is ${describe(value)}, but it must be an integer or a string of 3 digits, e.g. "200"`,
      '§1.11',
    );
  }
  if (status < 200 || status > 599) {
    throw validationError(
      CLOUDFRONT_TEXT.invalidShape,
      eventType,
      `${path} is ${status}, but a status returned by a function must be from 200 to 599`,
      '§1.10',
    );
  }
  return status;
}
