import type { CorsHeaders, PolicyHeader, ResponseHeadersPolicy } from './types.js';
import { checkUnknownKeys } from './check-unknown-keys.js';
import { childLocation, fail, type Diagnostics, type JsonLocation } from './json-location.js';
import { expectObject, isObject, listItems, optionalBoolean, optionalNumber, optionalString, stringList, type JsonObject } from './read-fields.js';
import { unwrapPolicyConfig } from './read-policy-list.js';

/** Something CreateResponseHeadersPolicy would refuse, at a JSON path. */
export interface PolicyProblem {
  loc: JsonLocation;
  message: string;
}

// dg:understanding-response-headers-policies "Headers that you can't remove": refused in RemoveHeadersConfig; edge-dev
// refuses them in CustomHeadersConfig too, since CloudFront sets them itself.
const PROTECTED = new Set([
  'connection', 'content-encoding', 'content-length', 'expect', 'host', 'keep-alive', 'proxy-authenticate',
  'proxy-authorization', 'proxy-connection', 'trailer', 'transfer-encoding', 'upgrade', 'via', 'warning',
  'x-accel-buffering', 'x-accel-charset', 'x-accel-limit-rate', 'x-accel-redirect', 'x-amzn-auth', 'x-amzn-cf-billing',
  'x-amzn-cf-id', 'x-amzn-cf-xff', 'x-amzn-errortype', 'x-amzn-fle-profile', 'x-amzn-header-count', 'x-amzn-header-order',
  'x-amzn-lambda-integration-tag', 'x-amzn-requestid', 'x-cache', 'x-forwarded-proto', 'x-real-ip',
]);
const PROTECTED_PREFIXES = ['x-amz-cf-', 'x-edge-'];
const METHODS = ['GET', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];
const REFERRER_POLICIES = [
  'no-referrer', 'no-referrer-when-downgrade', 'origin', 'origin-when-cross-origin', 'same-origin', 'strict-origin',
  'strict-origin-when-cross-origin', 'unsafe-url',
];
// dg:understanding-response-headers-policies: Content-Security-Policy is limited to 1,783 characters.
const CSP_LIMIT = 1783;
// api:ResponseHeadersPolicyCustomHeadersConfig / RemoveHeadersConfig quotas (dg:cloudfront-limits): 10 each.
const LIST_LIMIT = 10;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// dg:understanding-response-headers-policies: `*` only as the leftmost label (`*.example.org`).
const ORIGIN_VALUE = /^(\*|(https?:\/\/)?(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d+)?)$/;

/** dg:understanding-response-headers-policies: names CloudFront will not let a policy remove (or add). */
export function isProtectedResponseHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return PROTECTED.has(lower) || PROTECTED_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

function requiredBoolean(obj: JsonObject, key: string, loc: JsonLocation): boolean {
  const value = optionalBoolean(obj, key, loc);
  if (value === undefined) fail(childLocation(loc, key), 'is required: true or false.');
  return value;
}

function section(config: JsonObject, key: string, loc: JsonLocation): { obj: JsonObject; loc: JsonLocation } | undefined {
  if (config[key] === undefined || config[key] === null) return undefined;
  const at = childLocation(loc, key);
  return { obj: expectObject(config[key], at), loc: at };
}

function readCors(obj: JsonObject, loc: JsonLocation, problems: PolicyProblem[], diagnostics: Diagnostics): CorsHeaders {
  checkUnknownKeys(obj, ['AccessControlAllowOrigins', 'AccessControlAllowHeaders', 'AccessControlAllowMethods', 'AccessControlAllowCredentials',
    'AccessControlExposeHeaders', 'AccessControlMaxAgeSec', 'OriginOverride'], loc, diagnostics);
  for (const key of ['AccessControlAllowOrigins', 'AccessControlAllowHeaders', 'AccessControlAllowMethods']) {
    if (!isObject(obj[key])) fail(childLocation(loc, key), 'is required: { "Quantity": n, "Items": [...] }.');
  }
  const allowOrigins = stringList(obj, 'AccessControlAllowOrigins', loc, diagnostics);
  for (const origin of allowOrigins) {
    if (!ORIGIN_VALUE.test(origin)) {
      problems.push({ loc: childLocation(loc, 'AccessControlAllowOrigins'), message: `"${origin}" is not an origin CloudFront accepts: give "*", "https://example.com" or "https://*.example.com" (\`*\` only as the leftmost label).` });
    }
  }
  const methods = stringList(obj, 'AccessControlAllowMethods', loc, diagnostics);
  for (const method of methods) {
    if (method !== 'ALL' && !METHODS.includes(method)) {
      problems.push({ loc: childLocation(loc, 'AccessControlAllowMethods'), message: `"${method}" is not one of ${[...METHODS, 'ALL'].join(', ')}.` });
    }
  }
  const allowCredentials = requiredBoolean(obj, 'AccessControlAllowCredentials', loc);
  if (allowCredentials && allowOrigins.includes('*')) {
    // The CORS protocol forbids `*` with credentials (fetch.spec.whatwg.org#cors-protocol-and-credentials).
    problems.push({ loc: childLocation(loc, 'AccessControlAllowCredentials'), message: 'cannot be true while AccessControlAllowOrigins contains "*": list the origins instead.' });
  }
  const cors: CorsHeaders = {
    allowOrigins,
    allowHeaders: stringList(obj, 'AccessControlAllowHeaders', loc, diagnostics),
    allowMethods: methods.includes('ALL') ? METHODS.slice().sort() : methods,
    exposeHeaders: stringList(obj, 'AccessControlExposeHeaders', loc, diagnostics),
    allowCredentials,
    originOverride: requiredBoolean(obj, 'OriginOverride', loc),
  };
  const maxAge = optionalNumber(obj, 'AccessControlMaxAgeSec', loc, { min: 0, max: 2_147_483_647 });
  if (maxAge !== undefined) cors.maxAgeSec = maxAge;
  return Object.freeze(cors);
}

function securityHeader(parent: JsonObject, key: string, loc: JsonLocation): { obj: JsonObject; loc: JsonLocation; override: boolean } | undefined {
  const found = section(parent, key, loc);
  if (!found) return undefined;
  return { ...found, override: requiredBoolean(found.obj, 'Override', found.loc) };
}

function readSecurity(obj: JsonObject, loc: JsonLocation, problems: PolicyProblem[], diagnostics: Diagnostics): PolicyHeader[] {
  checkUnknownKeys(obj, ['ContentSecurityPolicy', 'ContentTypeOptions', 'FrameOptions', 'ReferrerPolicy', 'StrictTransportSecurity', 'XSSProtection'], loc, diagnostics);
  const out: PolicyHeader[] = [];
  const add = (key: string, value: string, override: boolean) => out.push(Object.freeze({ name: key.toLowerCase(), key, value, override }));
  const csp = securityHeader(obj, 'ContentSecurityPolicy', loc);
  if (csp) {
    const value = optionalString(csp.obj, 'ContentSecurityPolicy', csp.loc) ?? fail(childLocation(csp.loc, 'ContentSecurityPolicy'), 'is required: the policy directives.');
    if (value.length > CSP_LIMIT) problems.push({ loc: childLocation(csp.loc, 'ContentSecurityPolicy'), message: `is ${value.length} characters; CloudFront allows ${CSP_LIMIT}.` });
    add('Content-Security-Policy', value, csp.override);
  }
  const contentType = securityHeader(obj, 'ContentTypeOptions', loc);
  if (contentType) add('X-Content-Type-Options', 'nosniff', contentType.override);
  const frame = securityHeader(obj, 'FrameOptions', loc);
  if (frame) {
    const value = optionalString(frame.obj, 'FrameOption', frame.loc);
    if (value !== 'DENY' && value !== 'SAMEORIGIN') fail(childLocation(frame.loc, 'FrameOption'), 'is required: "DENY" or "SAMEORIGIN".');
    add('X-Frame-Options', value, frame.override);
  }
  const referrer = securityHeader(obj, 'ReferrerPolicy', loc);
  if (referrer) {
    const value = optionalString(referrer.obj, 'ReferrerPolicy', referrer.loc) ?? '';
    if (!REFERRER_POLICIES.includes(value)) fail(childLocation(referrer.loc, 'ReferrerPolicy'), `must be one of ${REFERRER_POLICIES.join(', ')}.`);
    add('Referrer-Policy', value, referrer.override);
  }
  const hsts = securityHeader(obj, 'StrictTransportSecurity', loc);
  if (hsts) {
    const maxAge = optionalNumber(hsts.obj, 'AccessControlMaxAgeSec', hsts.loc, { min: 0, max: 2_147_483_647 });
    if (maxAge === undefined) fail(childLocation(hsts.loc, 'AccessControlMaxAgeSec'), 'is required: the max-age in seconds, e.g. 31536000.');
    let value = `max-age=${maxAge}`;
    if (optionalBoolean(hsts.obj, 'IncludeSubdomains', hsts.loc)) value += '; includeSubDomains';
    if (optionalBoolean(hsts.obj, 'Preload', hsts.loc)) value += '; preload';
    add('Strict-Transport-Security', value, hsts.override);
  }
  const xss = securityHeader(obj, 'XSSProtection', loc);
  if (xss) {
    const protection = requiredBoolean(xss.obj, 'Protection', xss.loc);
    const modeBlock = optionalBoolean(xss.obj, 'ModeBlock', xss.loc) ?? false;
    const reportUri = optionalString(xss.obj, 'ReportUri', xss.loc);
    // dg:understanding-response-headers-policies: ModeBlock or a ReportUri, not both.
    if (modeBlock && reportUri) problems.push({ loc: xss.loc, message: 'sets both ModeBlock and ReportUri; CloudFront accepts one or the other.' });
    add('X-XSS-Protection', !protection ? '0' : modeBlock ? '1; mode=block' : reportUri ? `1; report=${reportUri}` : '1', xss.override);
  }
  return out;
}

function checkHeaderName(name: string, loc: JsonLocation, what: string, problems: PolicyProblem[]): void {
  if (!HEADER_NAME.test(name)) problems.push({ loc, message: `"${name}" is not a valid HTTP header name.` });
  else if (isProtectedResponseHeader(name)) problems.push({ loc, message: `"${name}" is a header CloudFront does not let a policy ${what} (dg:understanding-response-headers-policies).` });
}

// api:ResponseHeadersPolicyCustomHeadersConfig: { Quantity, Items: [{ Header, Value, Override }] }.
function readCustomHeaders(config: JsonObject, loc: JsonLocation, taken: Set<string>, problems: PolicyProblem[], diagnostics: Diagnostics): PolicyHeader[] {
  const items = listItems(config, 'CustomHeadersConfig', loc, diagnostics);
  if (items.length > LIST_LIMIT) problems.push({ loc: childLocation(loc, 'CustomHeadersConfig'), message: `lists ${items.length} headers; CloudFront allows ${LIST_LIMIT} (TooManyCustomHeadersInResponseHeadersPolicy).` });
  return items.map(({ value, loc: at }) => {
    const item = expectObject(value, at, 'an object { "Header", "Value", "Override" }');
    const key = optionalString(item, 'Header', at) ?? fail(childLocation(at, 'Header'), 'is required: the header name.');
    const name = key.toLowerCase();
    checkHeaderName(key, childLocation(at, 'Header'), 'add', problems);
    if (taken.has(name)) problems.push({ loc: childLocation(at, 'Header'), message: `"${key}" is already set by this policy; each header may appear once.` });
    taken.add(name);
    return Object.freeze({ name, key, value: optionalString(item, 'Value', at) ?? '', override: requiredBoolean(item, 'Override', at) });
  });
}

// api:ResponseHeadersPolicyRemoveHeadersConfig: { Quantity, Items: [{ Header }] }.
function readRemoveHeaders(config: JsonObject, loc: JsonLocation, problems: PolicyProblem[], diagnostics: Diagnostics): Set<string> {
  const items = listItems(config, 'RemoveHeadersConfig', loc, diagnostics);
  if (items.length > LIST_LIMIT) problems.push({ loc: childLocation(loc, 'RemoveHeadersConfig'), message: `lists ${items.length} headers; CloudFront allows ${LIST_LIMIT} (TooManyRemoveHeadersInResponseHeadersPolicy).` });
  const names = new Set<string>();
  for (const { value, loc: at } of items) {
    const item = expectObject(value, at, 'an object { "Header" }');
    const key = optionalString(item, 'Header', at) ?? fail(childLocation(at, 'Header'), 'is required: the header name.');
    checkHeaderName(key, childLocation(at, 'Header'), 'remove', problems);
    names.add(key.toLowerCase());
  }
  return names;
}

// dg:understanding-response-headers-policies: a sampling rate 0–100 with up to four decimal places.
function readServerTiming(config: JsonObject, loc: JsonLocation, problems: PolicyProblem[]): number | undefined {
  const found = section(config, 'ServerTimingHeadersConfig', loc);
  if (!found) return undefined;
  if (!requiredBoolean(found.obj, 'Enabled', found.loc)) return undefined;
  const rate = found.obj.SamplingRate;
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 100)) fail(childLocation(found.loc, 'SamplingRate'), 'is required when Enabled: a percentage 0–100.');
  if (Math.round(rate * 10_000) !== rate * 10_000) problems.push({ loc: childLocation(found.loc, 'SamplingRate'), message: `${rate} has more than four decimal places.` });
  return rate;
}

/**
 * A custom policy in the API's ResponseHeadersPolicyConfig shape (also wrapped as get-response-headers-policy prints
 * it). Shape errors fail at once; what CreateResponseHeadersPolicy would refuse is returned as `problems`, so `check`
 * can report each one.
 */
export function readResponseHeadersPolicy(
  id: string,
  value: unknown,
  at: JsonLocation,
  diagnostics: Diagnostics,
): { policy: ResponseHeadersPolicy; problems: PolicyProblem[] } {
  const { config, loc } = unwrapPolicyConfig(value, 'ResponseHeadersPolicy', 'ResponseHeadersPolicyConfig', at);
  checkUnknownKeys(config, ['Name', 'Comment', 'CorsConfig', 'SecurityHeadersConfig', 'CustomHeadersConfig', 'RemoveHeadersConfig', 'ServerTimingHeadersConfig'], loc, diagnostics);
  const problems: PolicyProblem[] = [];
  const name = optionalString(config, 'Name', loc) ?? fail(childLocation(loc, 'Name'), 'is required: the policy name.');
  const corsSection = section(config, 'CorsConfig', loc);
  const securitySection = section(config, 'SecurityHeadersConfig', loc);
  const headers = securitySection ? readSecurity(securitySection.obj, securitySection.loc, problems, diagnostics) : [];
  const taken = new Set(headers.map((h) => h.name));
  headers.push(...readCustomHeaders(config, loc, taken, problems, diagnostics));
  const policy: ResponseHeadersPolicy = { id, name, headers: Object.freeze(headers), removeHeaders: readRemoveHeaders(config, loc, problems, diagnostics) };
  if (corsSection) policy.cors = readCors(corsSection.obj, corsSection.loc, problems, diagnostics);
  const rate = readServerTiming(config, loc, problems);
  if (rate !== undefined) policy.serverTimingSamplingRate = rate;
  return { policy: Object.freeze(policy), problems };
}

/** `responseHeadersPolicies` entry → policy; the first thing the API would refuse is a config error. */
export function compileResponseHeadersPolicy(id: string, value: unknown, loc: JsonLocation, diagnostics: Diagnostics): ResponseHeadersPolicy {
  const { policy, problems } = readResponseHeadersPolicy(id, value, loc, diagnostics);
  const first = problems[0];
  if (first) fail(first.loc, first.message);
  return policy;
}
