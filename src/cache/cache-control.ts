/**
 * The few `Cache-Control` directives CloudFront's TTL rules read (reference §5.6, §5.9).
 *
 * Written here rather than taken from npm: the popular parsers split quoted values on commas
 * (`no-cache="a, b"`), read `max-age=` or `max-age=12abc` as numbers, or let the last duplicate
 * win; RFC 9111 §4.2.1 says the first occurrence counts and §1.2.2 wants plain digits.
 */
export interface CacheDirectives {
  /** Seconds; `-1` = absent, `-2` = present but not a valid delta-seconds (RFC 9111: treat as stale). */
  maxAge: number;
  sMaxAge: number;
  staleWhileRevalidate: number;
  staleIfError: number;
  /** `no-cache`, `no-store` or `private` present, with or without a field list. */
  uncacheable: boolean;
}

export const ABSENT = -1;
export const INVALID = -2;

/** Parses one or more `Cache-Control` field values (lines already joined with `,`). */
export function parseCacheControl(value: string): CacheDirectives {
  const out: CacheDirectives = {
    maxAge: ABSENT,
    sMaxAge: ABSENT,
    staleWhileRevalidate: ABSENT,
    staleIfError: ABSENT,
    uncacheable: false,
  };
  const n = value.length;
  let i = 0;
  while (i < n) {
    // name: up to `=` or `,`
    let j = i;
    while (j < n && value.charCodeAt(j) !== 61 /* = */ && value.charCodeAt(j) !== 44 /* , */) j++;
    const name = value.slice(i, j).trim().toLowerCase();
    let arg: string | undefined;
    if (j < n && value.charCodeAt(j) === 61) {
      j++;
      while (j < n && (value.charCodeAt(j) === 32 || value.charCodeAt(j) === 9)) j++;
      if (value.charCodeAt(j) === 34 /* " */) {
        const end = value.indexOf('"', j + 1);
        const close = end === -1 ? n : end;
        arg = value.slice(j + 1, close);
        j = close + 1;
        while (j < n && value.charCodeAt(j) !== 44) j++;
      } else {
        const comma = value.indexOf(',', j);
        const end = comma === -1 ? n : comma;
        arg = value.slice(j, end).trim();
        j = end;
      }
    }
    i = j + 1;
    switch (name) {
      case 'max-age':
        if (out.maxAge === ABSENT) out.maxAge = deltaSeconds(arg);
        break;
      case 's-maxage':
        if (out.sMaxAge === ABSENT) out.sMaxAge = deltaSeconds(arg);
        break;
      case 'stale-while-revalidate':
        if (out.staleWhileRevalidate === ABSENT) out.staleWhileRevalidate = deltaSeconds(arg);
        break;
      case 'stale-if-error':
        if (out.staleIfError === ABSENT) out.staleIfError = deltaSeconds(arg);
        break;
      case 'no-cache':
      case 'no-store':
      case 'private':
        out.uncacheable = true;
        break;
    }
  }
  return out;
}

/**
 * RFC 9111 §1.2.2: digits only. RFC's 2^31 ceiling is not applied: CloudFront honours up to
 * 100 years (§5.6), which `origin-freshness.ts` enforces.
 */
function deltaSeconds(arg: string | undefined): number {
  if (arg === undefined || arg.length === 0) return INVALID;
  for (let k = 0; k < arg.length; k++) {
    const c = arg.charCodeAt(k);
    if (c < 48 || c > 57) return INVALID;
  }
  return Number(arg);
}
