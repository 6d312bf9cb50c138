import type { CfHeaders } from '../event/types.js';
import { childLocation, fail, type Diagnostics, type JsonLocation } from './json-location.js';
import { expectObject, listItems, requiredString } from './read-fields.js';

// §3.4: origin custom headers that may not be set.
const DENIED = new Set([
  'cache-control',
  'connection',
  'content-length',
  'cookie',
  'host',
  'if-match',
  'if-modified-since',
  'if-none-match',
  'if-range',
  'if-unmodified-since',
  'max-forwards',
  'pragma',
  'proxy-authorization',
  'proxy-connection',
  'range',
  'request-range',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
  'x-real-ip',
]);
const DENIED_PREFIXES = ['x-amz-', 'x-edge-'];
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// §4: origin custom headers: 30; name ≤ 256, value ≤ 1,783, all names and values ≤ 10,240 characters.
const LIMITS = { count: 30, name: 256, value: 1783, total: 10_240 };

/** §3.4: true when CloudFront refuses the name as an origin custom header. */
export function isDeniedOriginCustomHeader(lowerName: string): boolean {
  return DENIED.has(lowerName) || DENIED_PREFIXES.some((prefix) => lowerName.startsWith(prefix));
}

/** §3.4 / §4: an origin's `CustomHeaders` to a lower-case header map, checked against the deny list and limits. */
export function compileCustomHeaders(origin: Record<string, unknown>, loc: JsonLocation, diagnostics: Diagnostics): CfHeaders {
  const headers: CfHeaders = Object.create(null) as CfHeaders;
  const items = listItems(origin, 'CustomHeaders', loc, diagnostics);
  if (items.length > LIMITS.count) {
    fail(childLocation(loc, 'CustomHeaders'), `has ${items.length} headers; CloudFront allows ${LIMITS.count} per origin (reference §4).`);
  }
  let total = 0;
  for (const item of items) {
    const header = expectObject(item.value, item.loc, 'an object { "HeaderName": ..., "HeaderValue": ... }');
    const name = requiredString(header, 'HeaderName', item.loc);
    const value = header.HeaderValue;
    const nameLoc = childLocation(item.loc, 'HeaderName');
    const lower = name.toLowerCase();
    if (!HEADER_NAME.test(name) || name.length > LIMITS.name) {
      fail(nameLoc, `${JSON.stringify(name)} is not a valid header name (token characters, at most ${LIMITS.name}).`);
    }
    if (isDeniedOriginCustomHeader(lower)) {
      fail(nameLoc, `${name} cannot be an origin custom header (reference §3.4); remove it or use another name.`);
    }
    if (lower in headers) fail(nameLoc, `${name} is listed twice; keep one.`);
    if (typeof value !== 'string' || value.length > LIMITS.value) {
      fail(childLocation(item.loc, 'HeaderValue'), `expected a string of at most ${LIMITS.value} characters (reference §4).`);
    }
    total += name.length + value.length;
    headers[lower] = [{ key: name, value }];
  }
  if (total > LIMITS.total) {
    fail(childLocation(loc, 'CustomHeaders'), `names and values add up to ${total} characters; CloudFront allows ${LIMITS.total} (reference §4).`);
  }
  return Object.freeze(headers);
}
