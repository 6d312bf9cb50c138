import { CLOUDFRONT_TEXT } from '../errors.js';
import { ownHeader } from '../headers.js';
import type { CfHeaders, LambdaEventType } from '../types.js';
import { validationError } from './fail.js';

/**
 * §3.5: a viewer-request function that adds CloudFront-Viewer-Country fails validation (CloudFront adds the header
 * itself, after viewer-request). No text is documented; edge-dev uses the "added a blacklisted header" page text.
 */
export function checkViewerCountryNotAdded(eventType: LambdaEventType, path: string, before: CfHeaders, after: CfHeaders): void {
  if (eventType !== 'viewer-request') return;
  if (ownHeader(after, 'cloudfront-viewer-country') === undefined) return;
  if (ownHeader(before, 'cloudfront-viewer-country') !== undefined) return;
  throw validationError(
    CLOUDFRONT_TEXT.disallowedHeader,
    eventType,
    `${path}["cloudfront-viewer-country"] was added, but a viewer-request function may not add CloudFront-Viewer-Country`,
    '§3.5',
  );
}
