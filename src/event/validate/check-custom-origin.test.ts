import { describe, it, expect } from 'vitest';
import { CLOUDFRONT_TEXT, type EdgeError } from '../errors.js';
import type { CloudFrontCustomOrigin } from '../types.js';
import { checkCustomOrigin } from './check-custom-origin.js';

function thrown(fn: () => unknown): EdgeError {
  try {
    fn();
  } catch (error) {
    return error as EdgeError;
  }
  throw new Error("expected a validation error");
}

const good = (): CloudFrontCustomOrigin => ({
  customHeaders: {},
  domainName: 'example.org',
  keepaliveTimeout: 5,
  path: '',
  port: 443,
  protocol: 'https',
  readTimeout: 30,
  sslProtocols: ['TLSv1.2'],
});

describe('checkCustomOrigin', () => {
  it('§1.8 accepts a valid custom origin and returns its fields', () => {
    const fields = checkCustomOrigin('origin-request', { ...good(), domainName: 'api.example.com', path: '/v1/a%20b', port: 8443 }, undefined, []);
    expect(fields).toEqual({ domainName: 'api.example.com', path: '/v1/a%20b', port: 8443, protocol: 'https', readTimeout: 30, keepaliveTimeout: 5, sslProtocols: ['TLSv1.2'] });
  });

  it('§1.8 rejects each field that breaks its rule', () => {
    const cases: [Partial<Record<keyof CloudFrontCustomOrigin, unknown>>, RegExp][] = [
      [{ domainName: '' }, /domainName .* non-empty/],
      [{ domainName: 'example.org:8080' }, /domainName .* ":"/],
      [{ domainName: '192.0.2.1' }, /not an IP address/],
      [{ domainName: `${'a'.repeat(250)}.com` }, /253/],
      [{ domainName: 'bad host' }, /DNS name/],
      [{ path: 'v1' }, /path .* start with/],
      [{ path: '/v1/' }, /path .* end with/],
      [{ path: `/${'a'.repeat(255)}` }, /255/],
      [{ path: '/a b' }, /URL-encoded/],
      [{ port: 8080.5 }, /port/],
      [{ port: 1023 }, /port .* 80, 443 or 1024–65535/],
      [{ port: 65536 }, /port/],
      [{ protocol: 'ftp' }, /protocol/],
      [{ sslProtocols: [] }, /sslProtocols/],
      [{ sslProtocols: ['TLSv1.3'] }, /sslProtocols .*"TLSv1.3"/],
      [{ readTimeout: 2 }, /readTimeout/],
      [{ keepaliveTimeout: 0 }, /keepaliveTimeout/],
      [{ domainName: undefined }, /domainName is missing/],
    ];
    for (const [change, pattern] of cases) {
      const error = thrown(() => checkCustomOrigin('origin-request', { ...good(), ...change }, undefined, []));
      expect(error.message).toBe(CLOUDFRONT_TEXT.invalidShape);
      expect(error.detail).toMatch(pattern);
      expect(error.detail).toMatch(/^origin-request: request\.origin\.custom\./);
    }
  });

  it('§1.8 takes unchanged fields from the event as they are', () => {
    const before = { ...good(), readTimeout: 2, port: 81 };
    const warnings: string[] = [];
    expect(checkCustomOrigin('origin-request', { ...before, sslProtocols: [...before.sslProtocols] }, before, warnings)).toMatchObject({ readTimeout: 2, port: 81 });
    expect(warnings).toEqual([]);
  });
});
