import type { EdgeSettings } from './types.js';
import { checkUnknownKeys } from './check-unknown-keys.js';
import { readAllowedHosts } from './compile-viewer-hosts.js';
import { didYouMean } from '../event/index.js';
import { childLocation, fail, type Diagnostics, type JsonLocation } from './json-location.js';
import { expectObject, oneOf, optionalNumber, optionalString } from './read-fields.js';

/** §6.3 location headers a `settings.geo` may set, with edge-dev's defaults (an AWS edge in Seattle). */
export const DEFAULT_GEO: Readonly<Record<string, string>> = Object.freeze({
  'cloudfront-viewer-asn': '16509',
  'cloudfront-viewer-country': 'US',
  'cloudfront-viewer-country-name': 'United States',
  'cloudfront-viewer-country-region': 'WA',
  'cloudfront-viewer-country-region-name': 'Washington',
  'cloudfront-viewer-city': 'Seattle',
  'cloudfront-viewer-postal-code': '98101',
  'cloudfront-viewer-time-zone': 'America/Los_Angeles',
  'cloudfront-viewer-latitude': '47.61000',
  'cloudfront-viewer-longitude': '-122.33000',
  'cloudfront-viewer-metro-code': '819',
});
const GEO_NAMES = Object.keys(DEFAULT_GEO);
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

function compileGeo(value: unknown, loc: JsonLocation): Readonly<Record<string, string>> {
  const geo: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, DEFAULT_GEO);
  if (value === undefined) return Object.freeze(geo);
  const given = expectObject(value, loc, 'an object of CloudFront-Viewer-* header names to values');
  for (const [name, headerValue] of Object.entries(given)) {
    const lower = name.toLowerCase();
    const at = childLocation(loc, name);
    if (!GEO_NAMES.includes(lower)) {
      const suggestion = didYouMean(lower, GEO_NAMES);
      fail(at, `is not a CloudFront-Viewer-* location header (reference §6.3)${suggestion ? `; did you mean "${suggestion}"?` : '.'}`);
    }
    if (typeof headerValue !== 'string') fail(at, 'expected a string header value, like "US".');
    geo[lower] = headerValue;
  }
  return Object.freeze(geo);
}

/** The optional `settings` object (EdgeSettings), defaults filled in. */
export function compileSettings(value: unknown, loc: JsonLocation, diagnostics: Diagnostics): EdgeSettings {
  const settings = expectObject(value ?? {}, loc);
  checkUnknownKeys(settings, ['viewerProtocol', 'geo', 'region', 'cacheMaxBytes', 'allowedHosts'], loc, diagnostics);
  const region = optionalString(settings, 'region', loc) ?? 'us-east-1';
  if (!REGION.test(region)) fail(childLocation(loc, 'region'), `${JSON.stringify(region)} is not an AWS Region name; use e.g. "us-east-1".`);
  return Object.freeze({
    viewerProtocol: oneOf(settings, 'viewerProtocol', loc, ['https', 'http'] as const) ?? 'https',
    geo: compileGeo(settings.geo, childLocation(loc, 'geo')),
    region,
    cacheMaxBytes: optionalNumber(settings, 'cacheMaxBytes', loc, { min: 0, max: Number.MAX_SAFE_INTEGER }) ?? 268_435_456,
    allowedHosts: Object.freeze(readAllowedHosts(settings.allowedHosts, childLocation(loc, 'allowedHosts'))),
  });
}
