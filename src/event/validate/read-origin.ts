import { CLOUDFRONT_TEXT } from '../errors.js';
import type { CfHeaders, CloudFrontOrigin, LambdaEventType } from '../types.js';
import { checkCustomOrigin } from './check-custom-origin.js';
import { checkOriginCustomHeaders } from './check-origin-custom-headers.js';
import { checkS3Origin } from './check-s3-origin.js';
import { describe, isObject, validationError, warning } from './fail.js';
import { readHeaderMap } from './read-header-map.js';

/**
 * §1.8: a returned `request.origin` (origin-request only) holds exactly one of `custom` or `s3`, each valid.
 * A result without `origin` keeps the event's origin, with a warning. Returns a fresh origin object.
 */
export function readOrigin(
  eventType: LambdaEventType,
  value: unknown,
  before: CloudFrontOrigin | undefined,
  requestHeaders: CfHeaders,
  warnings: string[],
): CloudFrontOrigin | undefined {
  if (value === undefined) {
    if (before !== undefined) warnings.push(warning(eventType, 'request.origin was removed; the event\'s origin is used', '§1.8'));
    return before;
  }
  if (!isObject(value)) {
    throw validationError(
      CLOUDFRONT_TEXT.invalidShape,
      eventType,
      `request.origin is ${describe(value)}, but it must be an object with exactly one of "custom" or "s3"`,
      '§1.8',
    );
  }
  const { custom, s3 } = value;
  if ((custom === undefined) === (s3 === undefined)) {
    throw validationError(
      CLOUDFRONT_TEXT.invalidShape,
      eventType,
      `request.origin has ${custom === undefined ? 'neither' : 'both'} "custom" and "s3", but it must have exactly one`,
      '§1.8',
    );
  }
  const kind = custom !== undefined ? 'custom' : 's3';
  const fields = custom ?? s3;
  const path = `request.origin.${kind}`;
  if (!isObject(fields)) {
    throw validationError(CLOUDFRONT_TEXT.invalidShape, eventType, `${path} is ${describe(fields)}, but it must be an object`, '§1.8');
  }
  const beforeSame = kind === 'custom' ? before?.custom : before?.s3;
  const customHeaders = readHeaderMap(eventType, `${path}.customHeaders`, fields.customHeaders, warnings);
  checkOriginCustomHeaders(eventType, `${path}.customHeaders`, beforeSame?.customHeaders, customHeaders, requestHeaders);
  if (kind === 'custom') {
    return { custom: { customHeaders, ...checkCustomOrigin(eventType, fields, before?.custom, warnings) } };
  }
  return { s3: { customHeaders, ...checkS3Origin(eventType, fields, before) } } as CloudFrontOrigin;
}
