import { CLOUDFRONT_TEXT } from '../errors.js';
import type { LambdaEventType } from '../types.js';
import { describe, validationError, warning } from './fail.js';

/**
 * §1.8 (D10): `readTimeout` (min 4) and `keepaliveTimeout` (min 1) are integer seconds up to 60 in the event; 61–120
 * (the current distribution range) is accepted with a warning; anything else fails validation.
 */
export function checkOriginTimeout(
  eventType: LambdaEventType,
  path: string,
  value: unknown,
  min: number,
  warnings: string[],
): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= 120) {
    if (value > 60) {
      warnings.push(warning(eventType, `${path} is ${value}; the event documents ${min}–60 seconds, distributions now allow up to 120`, '§1.8, D10'));
    }
    return value;
  }
  throw validationError(
    CLOUDFRONT_TEXT.invalidShape,
    eventType,
    `${path} is ${describe(value)}, but it must be an integer number of seconds from ${min} to 60`,
    '§1.8, D10',
  );
}
