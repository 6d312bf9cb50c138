/**
 * Header-name tables built once at load (style.md hot path): wire name -> lower-case name, and
 * lower-case name -> the `key` CloudFront synthesises (§1.6).
 */

/** Common request and response header names, lower-case. */
const WELL_KNOWN: readonly string[] = [
  'accept', 'accept-charset', 'accept-encoding', 'accept-language', 'accept-ranges', 'access-control-allow-credentials',
  'access-control-allow-headers', 'access-control-allow-methods', 'access-control-allow-origin',
  'access-control-expose-headers', 'access-control-max-age', 'access-control-request-headers',
  'access-control-request-method', 'age', 'allow', 'authorization', 'cache-control', 'cdn-loop', 'cloudfront-forwarded-proto',
  'cloudfront-is-android-viewer', 'cloudfront-is-desktop-viewer', 'cloudfront-is-ios-viewer', 'cloudfront-is-mobile-viewer',
  'cloudfront-is-smarttv-viewer', 'cloudfront-is-tablet-viewer', 'cloudfront-viewer-country', 'connection',
  'content-disposition', 'content-encoding', 'content-language', 'content-length', 'content-location', 'content-md5',
  'content-range', 'content-security-policy', 'content-type', 'cookie', 'date', 'dnt', 'etag', 'expect', 'expires', 'forwarded',
  'from', 'host', 'if-match', 'if-modified-since', 'if-none-match', 'if-range', 'if-unmodified-since', 'keep-alive',
  'last-modified', 'link', 'location', 'max-forwards', 'origin', 'pragma', 'proxy-authenticate', 'proxy-authorization',
  'proxy-connection', 'range', 'referer', 'referrer-policy', 'retry-after', 'sec-ch-ua', 'sec-ch-ua-mobile',
  'sec-ch-ua-platform', 'sec-fetch-dest', 'sec-fetch-mode', 'sec-fetch-site', 'sec-fetch-user', 'server', 'set-cookie',
  'strict-transport-security', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'upgrade-insecure-requests', 'user-agent',
  'vary', 'via', 'warning', 'www-authenticate', 'x-amz-cf-id', 'x-amz-cf-pop', 'x-cache', 'x-content-type-options',
  'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-frame-options', 'x-real-ip', 'x-requested-with',
  'x-xss-protection',
];

/** §1.6: capitalise each hyphen-separated part (`user-agent` -> `User-Agent`, `etag` -> `Etag`). */
function capitalizeParts(lowerName: string): string {
  let out = '';
  let start = true;
  for (let i = 0; i < lowerName.length; i++) {
    const c = lowerName[i]!;
    out += start ? c.toUpperCase() : c;
    start = c === '-';
  }
  return out;
}

const CANONICAL = new Map<string, string>();
const LOWER = new Map<string, string>();
for (const lower of WELL_KNOWN) {
  const canonical = capitalizeParts(lower);
  CANONICAL.set(lower, canonical);
  LOWER.set(lower, lower);
  LOWER.set(canonical, lower);
  LOWER.set(lower.toUpperCase(), lower);
}

/** Lower-cases a header name, through the table for well-known spellings. */
export function lowerHeaderName(name: string): string {
  return LOWER.get(name) ?? name.toLowerCase();
}

/** §1.6: the `key` CloudFront derives from a lower-case map key when a function omits it. */
export function canonicalKeyOf(lowerName: string): string {
  return CANONICAL.get(lowerName) ?? capitalizeParts(lowerName);
}
