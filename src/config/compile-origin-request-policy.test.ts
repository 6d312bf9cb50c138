import { describe, it, expect } from 'vitest';
import { compileOriginRequestPolicy } from './compile-origin-request-policy.js';
import { rootLocation } from './json-location.js';

const loc = rootLocation('edge-dev.config.json', 'originRequestPolicies.o1');
function config(behavior: string, headers: string[]) {
  return {
    Name: 'o',
    HeadersConfig: { HeaderBehavior: behavior, Headers: { Quantity: headers.length, Items: headers } },
    CookiesConfig: { CookieBehavior: 'all' },
    QueryStringsConfig: { QueryStringBehavior: 'none' },
  };
}

describe('compileOriginRequestPolicy', () => {
  it('§5.5 compiles an OriginRequestPolicyConfig', () => {
    const policy = compileOriginRequestPolicy('o1', { OriginRequestPolicyConfig: config('whitelist', ['X-Custom']) }, loc, { warnings: [] });
    expect(policy).toEqual({
      id: 'o1',
      name: 'o',
      headers: { behavior: 'whitelist', names: ['x-custom'] },
      cookies: { behavior: 'all', names: [] },
      queryStrings: { behavior: 'none', names: [] },
    });
  });

  it('§5.1 rejects Authorization and Accept-Encoding in an origin request policy', () => {
    expect(() => compileOriginRequestPolicy('o1', config('whitelist', ['Authorization']), loc, { warnings: [] })).toThrow(
      /Headers\.Items\[0\]: authorization cannot be listed in an origin request policy/,
    );
    expect(() => compileOriginRequestPolicy('o1', config('whitelist', ['Accept-Encoding']), loc, { warnings: [] })).toThrow(/accept-encoding/);
  });

  it('§6.3 allViewerAndWhitelistCloudFront lists CloudFront headers only', () => {
    const ok = compileOriginRequestPolicy('o1', config('allViewerAndWhitelistCloudFront', ['CloudFront-Viewer-Address']), loc, { warnings: [] });
    expect(ok.headers.names).toEqual(['cloudfront-viewer-address']);
    expect(() => compileOriginRequestPolicy('o1', config('allViewerAndWhitelistCloudFront', ['X-Other']), loc, { warnings: [] })).toThrow(
      /x-other is not a CloudFront-\* header/,
    );
  });
});
