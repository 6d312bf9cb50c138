import { describe, it, expect } from 'vitest';
import { CLOUDFRONT_HEADERS_2022_06, MANAGED_CACHE_POLICIES, MANAGED_ORIGIN_REQUEST_POLICIES } from './managed-policies.js';

describe('managed policies', () => {
  it('§5.4 knows the seven managed cache policies by Id with their TTLs', () => {
    expect(MANAGED_CACHE_POLICIES.size).toBe(7);
    const optimized = MANAGED_CACHE_POLICIES.get('658327ea-f89d-4fab-a63d-7e88639e58f6')!;
    expect([optimized.minTTL, optimized.defaultTTL, optimized.maxTTL]).toEqual([1, 86_400, 31_536_000]);
    expect([optimized.enableAcceptEncodingGzip, optimized.enableAcceptEncodingBrotli]).toEqual([true, true]);
    const disabled = MANAGED_CACHE_POLICIES.get('4135ea2d-6df8-44a3-9df3-4b5a84be39ad')!;
    expect([disabled.minTTL, disabled.defaultTTL, disabled.maxTTL]).toEqual([0, 0, 0]);
    const amplify = MANAGED_CACHE_POLICIES.get('2e54312d-136d-493c-8eb9-b001f22f67d2')!;
    expect(amplify.headers).toEqual({ behavior: 'whitelist', names: ['authorization', 'cloudfront-viewer-country', 'host'] });
    expect(amplify.cookies.behavior).toBe('all');
    const media = MANAGED_CACHE_POLICIES.get('08627262-05a9-4f76-9ded-b50ca2e3a84f')!;
    expect(media.queryStrings).toEqual({ behavior: 'whitelist', names: ['aws.manifestfilter', 'start', 'end', 'm'] });
    expect(MANAGED_CACHE_POLICIES.get('4cc15a8a-d715-48a4-82b8-cc0b614638fe')!.name).toBe('UseOriginCacheControlHeaders-QueryStrings');
  });

  it('§5.5 knows the eight managed origin request policies by Id', () => {
    expect(MANAGED_ORIGIN_REQUEST_POLICIES.size).toBe(8);
    expect(MANAGED_ORIGIN_REQUEST_POLICIES.get('216adef6-5c7f-47e4-b989-5492eafa07d3')!.headers.behavior).toBe('allViewer');
    expect(MANAGED_ORIGIN_REQUEST_POLICIES.get('b689b0a8-53d0-40ab-baf2-68738e2966ac')!.headers).toEqual({ behavior: 'allExcept', names: ['host'] });
    expect(MANAGED_ORIGIN_REQUEST_POLICIES.get('bf0718e1-ba1e-49d1-88b1-f726733018ae')!.headers.names).toEqual(['host']);
    const withCf = MANAGED_ORIGIN_REQUEST_POLICIES.get('33f36d7e-f396-46d9-90e0-52428a34d9dc')!;
    expect(withCf.headers.behavior).toBe('allViewerAndWhitelistCloudFront');
    expect(withCf.headers.names).toHaveLength(21);
    expect(CLOUDFRONT_HEADERS_2022_06).not.toContain('cloudfront-viewer-ja3-fingerprint');
    expect(MANAGED_ORIGIN_REQUEST_POLICIES.get('775133bc-15f2-49f9-abea-afb2e0bf67d2')!.queryStrings.behavior).toBe('all');
  });

  it('§5.4 policies are frozen', () => {
    const policy = MANAGED_CACHE_POLICIES.get('658327ea-f89d-4fab-a63d-7e88639e58f6')!;
    expect(Object.isFrozen(policy)).toBe(true);
    expect(Object.isFrozen(policy.headers.names)).toBe(true);
  });
});
