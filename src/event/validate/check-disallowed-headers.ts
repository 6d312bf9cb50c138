import { CLOUDFRONT_TEXT } from '../errors.js';
import { isDisallowedHeader } from '../header-rules.js';
import { ownHeader } from '../headers.js';
import type { CfHeaders, LambdaEventType } from '../types.js';
import { headerPath, validationError } from './fail.js';

/**
 * §3.2: adding a disallowed header (X-Forwarded-Proto, Connection, X-Amz-Cf-*, X-Edge-* ...) fails validation.
 * `before` is the map the event carried (undefined for a generated response); names already there are not "added".
 */
export function checkDisallowedHeaders(
  eventType: LambdaEventType,
  path: string,
  before: CfHeaders | undefined,
  after: CfHeaders,
): void {
  for (const name of Object.keys(after)) {
    if (!isDisallowedHeader(name)) continue;
    if (before !== undefined && ownHeader(before, name) !== undefined) continue;
    throw validationError(
      CLOUDFRONT_TEXT.disallowedHeader,
      eventType,
      `${headerPath(path, name)} was added, but ${after[name]![0]!.key ?? name} is a disallowed header that Lambda@Edge may not set`,
      '§3.2',
    );
  }
}
