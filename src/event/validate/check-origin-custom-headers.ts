import { CLOUDFRONT_TEXT } from '../errors.js';
import { isDeniedOriginCustomHeader, isDisallowedHeader } from '../header-rules.js';
import { ownHeader } from '../headers.js';
import type { CfHeaders, LambdaEventType } from '../types.js';
import { headerPath, validationError } from './fail.js';

/**
 * §1.8, §3.2, §3.4: a header added to `origin.*.customHeaders` may not be a disallowed header, may not be on the
 * origin-custom-header deny list, and may not also be in `request.headers`. Names the event already had pass.
 */
export function checkOriginCustomHeaders(
  eventType: LambdaEventType,
  path: string,
  before: CfHeaders | undefined,
  after: CfHeaders,
  requestHeaders: CfHeaders,
): void {
  for (const name of Object.keys(after)) {
    if (before !== undefined && ownHeader(before, name) !== undefined) continue;
    const at = headerPath(path, name);
    if (isDisallowedHeader(name)) {
      throw validationError(CLOUDFRONT_TEXT.disallowedHeader, eventType, `${at} was added, but it is a disallowed header`, '§3.2');
    }
    if (isDeniedOriginCustomHeader(name)) {
      throw validationError(
        CLOUDFRONT_TEXT.invalidShape,
        eventType,
        `${at} was added, but CloudFront does not allow it as an origin custom header`,
        '§3.4',
      );
    }
    if (ownHeader(requestHeaders, name) !== undefined) {
      throw validationError(
        CLOUDFRONT_TEXT.invalidShape,
        eventType,
        `${at} was added, but request.headers also has "${name}"; an origin custom header may not repeat a request header`,
        '§1.8',
      );
    }
  }
}
