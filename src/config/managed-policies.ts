/**
 * AWS's managed cache and origin request policies, known by Id without configuration (reference §5.4, §5.5).
 * Data only; header names lower-case.
 */
import type { CacheKeyPolicy, OriginRequestPolicy } from './types.js';

type List<B extends string> = { behavior: B; names: readonly string[] };
const none = { behavior: 'none', names: [] } as const;
const all = { behavior: 'all', names: [] } as const;

function cachePolicy(
  id: string,
  name: string,
  [minTTL, defaultTTL, maxTTL]: [number, number, number],
  headers: readonly string[],
  cookies: List<'none' | 'all'>,
  queryStrings: List<'none' | 'whitelist' | 'all'>,
  [gzip, brotli]: [boolean, boolean],
): CacheKeyPolicy {
  return Object.freeze({
    id,
    name,
    minTTL,
    defaultTTL,
    maxTTL,
    headers: Object.freeze({ behavior: headers.length ? 'whitelist' : 'none', names: Object.freeze([...headers]) }),
    cookies: Object.freeze(cookies),
    queryStrings: Object.freeze(queryStrings),
    enableAcceptEncodingGzip: gzip,
    enableAcceptEncodingBrotli: brotli,
  });
}

const YEAR = 31_536_000;
const DAY = 86_400;
const METHOD_OVERRIDE = ['host', 'origin', 'x-http-method-override', 'x-http-method', 'x-method-override'];

// §5.4: the seven managed cache policies.
export const MANAGED_CACHE_POLICIES: ReadonlyMap<string, CacheKeyPolicy> = new Map(
  [
    cachePolicy('658327ea-f89d-4fab-a63d-7e88639e58f6', 'Managed-CachingOptimized', [1, DAY, YEAR], [], none, none, [true, true]),
    cachePolicy(
      'b2884449-e4de-46a7-ac36-70bc7f1ddd6d',
      'Managed-CachingOptimizedForUncompressedObjects',
      [1, DAY, YEAR],
      [],
      none,
      none,
      [false, false],
    ),
    cachePolicy('4135ea2d-6df8-44a3-9df3-4b5a84be39ad', 'Managed-CachingDisabled', [0, 0, 0], [], none, none, [false, false]),
    cachePolicy(
      '2e54312d-136d-493c-8eb9-b001f22f67d2',
      'Managed-Amplify',
      [2, 2, 600],
      ['authorization', 'cloudfront-viewer-country', 'host'],
      all,
      all,
      [true, true],
    ),
    cachePolicy(
      '08627262-05a9-4f76-9ded-b50ca2e3a84f',
      'Managed-Elemental-MediaPackage',
      [0, DAY, YEAR],
      ['origin'],
      none,
      { behavior: 'whitelist', names: ['aws.manifestfilter', 'start', 'end', 'm'] },
      [true, false],
    ),
    cachePolicy('83da9c7e-98b4-4e11-a168-04f0df8e2c65', 'UseOriginCacheControlHeaders', [0, 0, YEAR], METHOD_OVERRIDE, all, none, [
      true,
      true,
    ]),
    cachePolicy(
      '4cc15a8a-d715-48a4-82b8-cc0b614638fe',
      'UseOriginCacheControlHeaders-QueryStrings',
      [0, 0, YEAR],
      METHOD_OVERRIDE,
      all,
      all,
      [true, true],
    ),
  ].map((policy) => [policy.id, policy]),
);

/** §6.3 / §5.5: the 21 CloudFront headers released through June 2022 (all but JA3, Header-Order, Header-Count). */
export const CLOUDFRONT_HEADERS_2022_06: readonly string[] = Object.freeze([
  'cloudfront-forwarded-proto',
  'cloudfront-is-android-viewer',
  'cloudfront-is-desktop-viewer',
  'cloudfront-is-ios-viewer',
  'cloudfront-is-mobile-viewer',
  'cloudfront-is-smarttv-viewer',
  'cloudfront-is-tablet-viewer',
  'cloudfront-viewer-address',
  'cloudfront-viewer-asn',
  'cloudfront-viewer-city',
  'cloudfront-viewer-country',
  'cloudfront-viewer-country-name',
  'cloudfront-viewer-country-region',
  'cloudfront-viewer-country-region-name',
  'cloudfront-viewer-http-version',
  'cloudfront-viewer-latitude',
  'cloudfront-viewer-longitude',
  'cloudfront-viewer-metro-code',
  'cloudfront-viewer-postal-code',
  'cloudfront-viewer-time-zone',
  'cloudfront-viewer-tls',
]);

/** §6.3: every CloudFront-* request header a policy may name. */
export const CLOUDFRONT_HEADERS: ReadonlySet<string> = new Set([
  ...CLOUDFRONT_HEADERS_2022_06,
  'cloudfront-viewer-ja3-fingerprint',
  'cloudfront-viewer-header-order',
  'cloudfront-viewer-header-count',
]);

function originRequestPolicy(
  id: string,
  name: string,
  headers: OriginRequestPolicy['headers'],
  cookies: List<'none' | 'all'>,
  queryStrings: List<'none' | 'all'>,
): OriginRequestPolicy {
  return Object.freeze({
    id,
    name,
    headers: Object.freeze({ behavior: headers.behavior, names: Object.freeze([...headers.names]) }),
    cookies: Object.freeze(cookies),
    queryStrings: Object.freeze(queryStrings),
  });
}

const CORS = ['origin', 'access-control-request-headers', 'access-control-request-method'];

// §5.5: the eight managed origin request policies.
export const MANAGED_ORIGIN_REQUEST_POLICIES: ReadonlyMap<string, OriginRequestPolicy> = new Map(
  [
    originRequestPolicy('216adef6-5c7f-47e4-b989-5492eafa07d3', 'Managed-AllViewer', { behavior: 'allViewer', names: [] }, all, all),
    originRequestPolicy(
      '33f36d7e-f396-46d9-90e0-52428a34d9dc',
      'Managed-AllViewerAndCloudFrontHeaders-2022-06',
      { behavior: 'allViewerAndWhitelistCloudFront', names: CLOUDFRONT_HEADERS_2022_06 },
      all,
      all,
    ),
    originRequestPolicy(
      'b689b0a8-53d0-40ab-baf2-68738e2966ac',
      'Managed-AllViewerExceptHostHeader',
      { behavior: 'allExcept', names: ['host'] },
      all,
      all,
    ),
    originRequestPolicy('59781a5b-3903-41f3-afcb-af62929ccde1', 'Managed-CORS-CustomOrigin', { behavior: 'whitelist', names: ['origin'] }, none, none),
    originRequestPolicy('88a5eaf4-2fd4-4709-b370-b4c650ea3fcf', 'Managed-CORS-S3Origin', { behavior: 'whitelist', names: CORS }, none, none),
    originRequestPolicy(
      '775133bc-15f2-49f9-abea-afb2e0bf67d2',
      'Managed-Elemental-MediaTailor-PersonalizedManifests',
      { behavior: 'whitelist', names: [...CORS, 'user-agent', 'x-forwarded-for'] },
      none,
      all,
    ),
    originRequestPolicy('bf0718e1-ba1e-49d1-88b1-f726733018ae', 'Managed-HostHeaderOnly', { behavior: 'whitelist', names: ['host'] }, none, none),
    originRequestPolicy(
      'acba4595-bd28-49b8-b9fe-13317c0390fa',
      'Managed-UserAgentRefererHeaders',
      { behavior: 'whitelist', names: ['user-agent', 'referer'] },
      none,
      none,
    ),
  ].map((policy) => [policy.id, policy]),
);
