import { describe, it, expect } from 'vitest';
import { CLOUDFRONT_TEXT, type EdgeError } from '../errors.js';
import type { CloudFrontOrigin } from '../types.js';
import { checkS3Origin } from './check-s3-origin.js';

function thrown(fn: () => unknown): EdgeError {
  try {
    fn();
  } catch (error) {
    return error as EdgeError;
  }
  throw new Error("expected a validation error");
}

const s3Before: CloudFrontOrigin = { s3: { authMethod: 'origin-access-identity', customHeaders: {}, domainName: 'a.s3.amazonaws.com', path: '', region: 'us-east-1' } };
const good = { authMethod: 'none', customHeaders: {}, domainName: 'bucket.s3.eu-west-1.amazonaws.com', path: '', region: '' };

describe('checkS3Origin', () => {
  it('§1.8 accepts an S3 origin like AWS examples', () => {
    expect(checkS3Origin('origin-request', good, undefined)).toEqual({ authMethod: 'none', domainName: good.domainName, path: '', region: '' });
    expect(checkS3Origin('origin-request', { ...good, authMethod: 'origin-access-identity', region: 'eu-west-1', path: '/p' }, s3Before)).toMatchObject({ region: 'eu-west-1' });
  });

  it('§1.8 rejects bad fields and OAI misuse', () => {
    const cases: [Record<string, unknown>, CloudFrontOrigin | undefined, RegExp][] = [
      [{ authMethod: 'oac' }, undefined, /authMethod/],
      [{ domainName: 'Bucket.s3.amazonaws.com' }, undefined, /lower-case/],
      [{ domainName: `${'a'.repeat(120)}.s3.amazonaws.com` }, undefined, /128/],
      [{ domainName: '' }, undefined, /bucket domain/],
      [{ path: 'p' }, undefined, /path/],
      [{ path: '/p/' }, undefined, /path/],
      [{ region: 5 }, undefined, /region/],
      [{ authMethod: 'origin-access-identity', region: '' }, s3Before, /region .* required/],
      [{ authMethod: 'origin-access-identity', region: 'us-east-1' }, { custom: { customHeaders: {}, domainName: 'x.org', keepaliveTimeout: 5, path: '', port: 443, protocol: 'https', readTimeout: 30, sslProtocols: ['TLSv1.2'] } }, /switching from a custom origin/],
    ];
    for (const [change, before, pattern] of cases) {
      const error = thrown(() => checkS3Origin('origin-request', { ...good, ...change }, before));
      expect(error.message).toBe(CLOUDFRONT_TEXT.invalidShape);
      expect(error.detail).toMatch(pattern);
      expect(error.detail).toMatch(/\(reference §1\.8\)$/);
    }
  });
});
