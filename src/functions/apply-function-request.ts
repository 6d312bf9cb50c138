/**
 * A viewer-request function's returned request, checked and merged back into the internal request, so its changes
 * feed the cache key and the origin request (reference §9; dg:functions-event-structure "Request object").
 */
import { canonicalHeaderKey, isDisallowedHeader, newHeaderMap, readOnlyHeadersOf } from '../event/index.js';
import type { CfHeaders, CfRequest } from '../event/index.js';
import { functionValidationError, type FunctionSite } from './function-errors.js';
import { resolveValueMap, type ResolvedValue } from './read-function-values.js';
import type { FunctionRequest } from './types.js';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;
// §3.6 (dg:edge-function-restrictions-all): no spaces, control characters or # in a query string; URI + query < 8,192.
const BAD_QUERY = /[\u0000-\u0020\u007f#]/;
const MAX_URL = 8192;
const BAD_VALUE = /[\r\n\u0000]/;

function sameValues(list: readonly { value: string }[] | undefined, values: readonly ResolvedValue[] | undefined): boolean {
  const a = list ?? [];
  const b = values ?? [];
  return a.length === b.length && a.every((entry, i) => entry.value === b[i]!.value);
}

/**
 * §9, §3.2, §3.3: header names lower-case (re-capitalised on output), no disallowed header added, the read-only
 * headers of the event unchanged (`readOnly`), values without line breaks. Returns the header map in output order.
 */
export function checkedHeaders(
  site: FunctionSite,
  field: string,
  resolved: Map<string, ResolvedValue[]>,
  original: CfHeaders,
  readOnly: readonly string[],
): CfHeaders {
  const headers = newHeaderMap();
  for (const [name, values] of resolved) {
    const where = `${field}[${JSON.stringify(name)}]`;
    if (!HEADER_NAME.test(name)) {
      const rule = name.toLowerCase() === name ? 'is not a valid header name' : `header names must be lower-case ("${name.toLowerCase()}")`;
      throw functionValidationError(site, where, rule, 'dg:functions-event-structure');
    }
    if (isDisallowedHeader(name) && !Object.hasOwn(original, name)) {
      throw functionValidationError(site, where, 'adds a header CloudFront does not allow (reference §3.2)', 'dg:edge-function-restrictions-all');
    }
    for (const { value } of values) {
      if (BAD_VALUE.test(value)) throw functionValidationError(site, where, 'a header value may not contain CR, LF or NUL', 'RFC 9110 §5.5');
    }
    if (values.length) headers[name] = values.map(({ value }) => ({ key: canonicalHeaderKey(name), value }));
  }
  for (const name of readOnly) {
    if (!sameValues(original[name], resolved.get(name))) {
      throw functionValidationError(site, `${field}[${JSON.stringify(name)}]`, 'a read-only header was added, changed or deleted (reference §3.3)', 'dg:edge-function-restrictions-all', true);
    }
  }
  return headers;
}

function serialiseQuery(resolved: Map<string, ResolvedValue[]>): string {
  const parts: string[] = [];
  for (const [name, values] of resolved) for (const { value } of values) parts.push(`${name}=${value}`);
  return parts.join('&');
}

function sameMap(resolved: Map<string, ResolvedValue[]>, seen: Record<string, { value: string; multiValue?: { value: string }[] }>): boolean {
  const names = Object.keys(seen);
  if (names.length !== resolved.size) return false;
  return names.every((name) => sameValues(seen[name]!.multiValue ?? [seen[name]!], resolved.get(name)));
}

/** The request that continues after viewer-request. `seen` is the request object the function was given. */
export function applyFunctionRequest(
  site: FunctionSite,
  original: CfRequest,
  seen: FunctionRequest,
  result: Record<string, unknown>,
  warnings: string[],
): CfRequest {
  // dg:functions-event-structure: `method` is the only read-only field of the request; D3: changes ignored with a warning.
  if (result.method !== undefined && result.method !== seen.method) warnings.push(`CloudFront Function "${site.name}": request.method is read-only; the change was ignored (D3).`);
  const { uri } = result;
  if (typeof uri !== 'string' || !uri.startsWith('/')) {
    throw functionValidationError(site, 'request.uri', 'must be a string that begins with "/"', 'dg:functions-event-structure');
  }
  const query = resolveValueMap(site, 'request.querystring', result.querystring ?? {}, seen.querystring);
  const querystring = sameMap(query, seen.querystring) ? original.querystring : serialiseQuery(query);
  if (BAD_QUERY.test(querystring)) throw functionValidationError(site, 'request.querystring', 'may not contain spaces, control characters or "#" (reference §3.6)', 'dg:edge-function-restrictions-all');
  if (uri.length + querystring.length + 1 >= MAX_URL) throw functionValidationError(site, 'request.uri', `URI and query string must be under ${MAX_URL} characters (reference §4)`, 'dg:edge-function-restrictions-all');
  const resolved = resolveValueMap(site, 'request.headers', result.headers ?? {}, seen.headers);
  if (resolved.has('cookie')) throw functionValidationError(site, 'request.headers["cookie"]', 'cookies go in request.cookies, not in headers', 'dg:functions-event-structure');
  const headers = checkedHeaders(site, 'request.headers', resolved, original.headers, readOnlyHeadersOf('viewer-request'));
  const cookies = resolveValueMap(site, 'request.cookies', result.cookies ?? {}, seen.cookies);
  if (sameMap(cookies, seen.cookies)) {
    if (original.headers['cookie']) headers['cookie'] = original.headers['cookie'];
  } else if (cookies.size) {
    const pairs: string[] = [];
    for (const [name, values] of cookies) for (const { value } of values) pairs.push(`${name}=${value}`);
    headers['cookie'] = [{ key: 'Cookie', value: pairs.join('; ') }];
  }
  const request: CfRequest = { clientIp: original.clientIp, method: original.method, uri, querystring, headers };
  if (original.origin) request.origin = original.origin;
  return request;
}
