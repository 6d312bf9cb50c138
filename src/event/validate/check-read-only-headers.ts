import { CLOUDFRONT_TEXT } from '../errors.js';
import { canonicalKeyOf } from '../header-names.js';
import { readOnlyHeadersOf } from '../header-rules.js';
import { ownHeader } from '../headers.js';
import type { CfHeaders, LambdaEventType } from '../types.js';
import { headerPath, validationError } from './fail.js';

type HeaderList = CfHeaders[string];

function sameValues(before: HeaderList, after: HeaderList): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < before.length; i++) if (before[i]!.value !== after[i]!.value) return false;
  return true;
}

/**
 * §3.3: a read-only header of the event type must come back exactly as it went in: same presence, same values in the
 * same order. Names compare case-insensitively (the maps are lower-case), values exactly; `key` case is not a change.
 */
export function checkReadOnlyHeaders(eventType: LambdaEventType, path: string, before: CfHeaders, after: CfHeaders): void {
  for (const name of readOnlyHeadersOf(eventType)) {
    const was = ownHeader(before, name);
    const now = ownHeader(after, name);
    if (was === undefined && now === undefined) continue;
    let change: string | undefined;
    if (was === undefined) change = 'was added';
    else if (now === undefined) change = 'was deleted';
    else if (!sameValues(was, now)) change = 'was changed';
    if (change === undefined) continue;
    throw validationError(
      CLOUDFRONT_TEXT.readOnlyHeader,
      eventType,
      `${headerPath(path, name)} ${change}, but ${canonicalKeyOf(name)} is read-only in ${eventType}`,
      '§3.3',
    );
  }
}
