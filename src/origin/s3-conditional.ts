import type { CfHeaders } from '../event/types.js';
import { getHeaderValue } from '../event/index.js';

function stripWeak(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}

/** Whether an `If-Match` / `If-None-Match` list names `etag` (`*` matches any; weak comparison). */
export function etagListMatches(list: string, etag: string): boolean {
  const target = stripWeak(etag);
  let start = 0;
  while (start < list.length) {
    let end = list.indexOf(',', start);
    if (end === -1) end = list.length;
    const tag = list.slice(start, end).trim();
    if (tag === '*' || stripWeak(tag) === target) return true;
    start = end + 1;
  }
  return false;
}

function parseSeconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/**
 * D11, §5.10: S3's conditional GET/HEAD. If-Match false → 412; else If-Unmodified-Since false (without
 * If-Match) → 412. If-None-Match matching → 304; else If-Modified-Since not modified (without If-None-Match)
 * → 304. `undefined` = serve the object. Dates compare at whole seconds, as Last-Modified carries them.
 */
export function evaluateConditionals(headers: CfHeaders, etag: string, mtimeSeconds: number): 304 | 412 | undefined {
  const ifMatch = getHeaderValue(headers, 'if-match');
  if (ifMatch !== undefined) {
    if (!etagListMatches(ifMatch, etag)) return 412;
  } else {
    const since = parseSeconds(getHeaderValue(headers, 'if-unmodified-since'));
    if (since !== undefined && mtimeSeconds > since) return 412;
  }
  const ifNoneMatch = getHeaderValue(headers, 'if-none-match');
  if (ifNoneMatch !== undefined) return etagListMatches(ifNoneMatch, etag) ? 304 : undefined;
  const since = parseSeconds(getHeaderValue(headers, 'if-modified-since'));
  if (since !== undefined && mtimeSeconds <= since) return 304;
  return undefined;
}
