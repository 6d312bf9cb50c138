import { CLOUDFRONT_TEXT } from '../errors.js';
import type { CloudFrontOrigin, LambdaEventType } from '../types.js';
import { describe, validationError } from './fail.js';
import { hasUpperCase } from './origin-syntax.js';

const P = 'request.origin.s3';

function bad(eventType: LambdaEventType, field: string, value: unknown, rule: string): never {
  throw validationError(CLOUDFRONT_TEXT.invalidShape, eventType, `${P}.${field} is ${describe(value)}, but ${rule}`, '§1.8');
}

export interface S3Fields {
  authMethod: 'origin-access-identity' | 'none';
  domainName: string;
  path: string;
  region: string;
}

/**
 * §1.8: the fields of a returned `origin.s3`: a lower-case bucket domain of at most 128 characters, a path that is ""
 * or starts and does not end with "/", `authMethod` `origin-access-identity` (needs `region`; not allowed when
 * switching from a custom origin) or `none`.
 */
export function checkS3Origin(eventType: LambdaEventType, value: Record<string, unknown>, before: CloudFrontOrigin | undefined): S3Fields {
  const { authMethod, domainName, path, region } = value;
  if (authMethod !== 'origin-access-identity' && authMethod !== 'none') {
    bad(eventType, 'authMethod', authMethod, 'it must be "origin-access-identity" or "none"');
  }
  if (typeof domainName !== 'string' || domainName.length === 0) bad(eventType, 'domainName', domainName, 'it must be the bucket domain name');
  if (domainName.length > 128) bad(eventType, 'domainName', domainName, 'it must be at most 128 characters');
  if (hasUpperCase(domainName)) bad(eventType, 'domainName', domainName, 'it must be all lower-case');
  if (typeof path !== 'string') bad(eventType, 'path', path, 'it must be a string ("" for none)');
  if (path !== '' && (path[0] !== '/' || path.endsWith('/'))) bad(eventType, 'path', path, 'it must start with "/" and not end with "/"');
  if (region !== undefined && typeof region !== 'string') bad(eventType, 'region', region, 'it must be a string');
  if (authMethod === 'origin-access-identity') {
    if (!region) bad(eventType, 'region', region, 'it is required with authMethod "origin-access-identity"');
    if (before === undefined || before.s3 === undefined) {
      bad(eventType, 'authMethod', authMethod, 'an origin access identity cannot be used when switching from a custom origin to S3');
    }
  }
  return { authMethod, domainName, path, region: region ?? '' };
}
