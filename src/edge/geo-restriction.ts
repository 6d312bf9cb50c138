import type { HttpResponse } from '../event/index.js';
import { cloudFrontErrorResponse } from './error-page.js';
import type { RequestState } from './types.js';

// CloudFront's page text for a blocked country, as real distributions answer it.
const BLOCKED = 'The Amazon CloudFront distribution is configured to block access from your country.';

/**
 * Issue 11 (dg:georestrictions): a viewer whose country (`settings.geo`, `CloudFront-Viewer-Country`) is not on the
 * allow list, or is on the block list, gets CloudFront's 403 before any function runs; a custom error page for 403
 * applies. A viewer whose country is unknown is served, as CloudFront serves one it cannot locate.
 */
export function checkGeoRestriction(state: RequestState): HttpResponse | undefined {
  const restriction = state.deps.distribution.geoRestriction;
  if (restriction === undefined) return undefined;
  const country = state.deps.options.geo?.['cloudfront-viewer-country'];
  if (country === undefined || country === '') return undefined;
  const listed = restriction.countries.has(country.toUpperCase());
  if (listed === (restriction.type === 'whitelist')) return undefined;
  return cloudFrontErrorResponse(403, BLOCKED, state.requestId);
}
