import type { CfHeaders } from '../event/types.js';
import { ABSENT, INVALID, parseCacheControl, type CacheDirectives } from './cache-control.js';
import { headerValue } from './key-parts.js';

/** §5.6: `max-age` is honoured from 0 s to 100 years; longer values count as 100 years. */
export const MAX_AGE_LIMIT_SECONDS = 100 * 365 * 86400;

/** What the origin's headers say about freshness, before the policy's TTLs apply. */
export interface OriginFreshness {
  directives: CacheDirectives;
  /**
   * §5.6: seconds from `s-maxage`, else `max-age`, else `Expires` (only the first present counts);
   * undefined when the origin sent none of the three. An invalid value counts as 0 (RFC 9111 §4.2.1:
   * treat as stale).
   */
  lifetime: number | undefined;
  /** §5.6: `Vary: *`. */
  varyStar: boolean;
}

/** Reads `Cache-Control` (all lines), `Expires` and `Vary` once. `now` in ms. */
export function originFreshness(headers: CfHeaders, now: number): OriginFreshness {
  const cc = headerValue(headers, 'cache-control');
  const directives = parseCacheControl(cc ?? '');
  let lifetime: number | undefined;
  if (directives.sMaxAge !== ABSENT) lifetime = seconds(directives.sMaxAge);
  else if (directives.maxAge !== ABSENT) lifetime = seconds(directives.maxAge);
  else {
    const expires = headers['expires']?.[0]?.value;
    if (expires !== undefined) lifetime = expiresIn(expires, now);
  }
  return { directives, lifetime, varyStar: hasVaryStar(headers) };
}

function seconds(v: number): number {
  if (v === INVALID) return 0;
  return v > MAX_AGE_LIMIT_SECONDS ? MAX_AGE_LIMIT_SECONDS : v;
}

/**
 * §5.6: `Expires` as seconds from now (rounded up, as the header has whole seconds). An unparsable
 * date (such as `0`) means already expired (RFC 9111 §5.3).
 */
function expiresIn(value: string, now: number): number {
  const at = Date.parse(value);
  if (Number.isNaN(at) || at <= now) return 0;
  return seconds(Math.ceil((at - now) / 1000));
}

function hasVaryStar(headers: CfHeaders): boolean {
  const lines = headers['vary'];
  if (lines === undefined) return false;
  for (const line of lines) {
    for (const token of line.value.split(',')) if (token.trim() === '*') return true;
  }
  return false;
}
