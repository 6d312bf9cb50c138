import type { CfHeaders, CfRequest } from '../event/types.js';
import type { CompiledBehavior, CompiledDistribution, CompiledOrigin } from '../config/types.js';
import { getHeaderValue, stripDisallowedHeaders, newHeaderMap } from '../event/index.js';
import { normaliseAcceptEncoding } from '../cache/index.js';
import { forwardingFor, type Forwarding } from './forwarding.js';
import { forwardedCookieHeader, forwardedQueryString } from './query-and-cookies.js';
import {
  CLOUDFRONT_HEADER_KEYS,
  classifyDevice,
  cloudFrontHeaderValue,
  type CloudFrontHeaderInput,
} from './cloudfront-headers.js';
import { originFields } from './origin-fields.js';
import { viaValue } from './via.js';

/** What the viewer connection told us, for §6.2 headers. */
export interface ViewerContext {
  requestId: string;
  /** `1.1` or `2.0` (D40 Via on origin requests). */
  httpVersion: string;
  /** D43: whether the viewer connection counts as HTTPS. */
  https: boolean;
  /**
   * `CloudFront-Viewer-*` values (§6.3), from config defaults or test overrides. Keys are lower-case header
   * names (`cloudfront-viewer-country`) or their short form (`country`); missing ones use DEFAULT_GEO.
   */
  geo?: Readonly<Record<string, string>>;
  /** The viewer's source port, for `CloudFront-Viewer-Address` (§6.3); 0 when unknown. */
  port?: number;
  /** Issue 11: the viewer connection's TLS version, cipher and handshake, for `CloudFront-Viewer-TLS`. */
  tls?: string;
}

// §6.2: hop-by-hop headers never forwarded, whatever the policy.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade', 'expect']);

// Set by the rules in buildOriginRequest itself, never copied as plain viewer headers.
const OWN_RULE = new Set(['host', 'user-agent', 'via', 'x-forwarded-for', 'accept-encoding', 'cookie']);

// §6.2: "removed unless in a policy" under legacy settings, where other headers are forwarded as-is.
const LEGACY_REMOVED = new Set([
  'accept',
  'accept-charset',
  'accept-language',
  'authorization',
  'referer',
  'x-forwarded-proto',
  'x-http-method-override',
  'x-real-ip',
]);

// The body's framing goes with the body (§1.7); D35: Range (and its If-Range) reach the origin.
const ALWAYS_FORWARDED = new Set(['content-length', 'transfer-encoding', 'range', 'if-range']);

/** §5.1, §5.2, §5.5, §6.2: whether one viewer header (lower-case, not an OWN_RULE one) goes to the origin. */
export function forwardsHeader(forwarding: Forwarding, name: string): boolean {
  if (HOP_BY_HOP.has(name) || name.startsWith('proxy-')) return false;
  if (forwarding.headerNames.has(name) || ALWAYS_FORWARDED.has(name)) return true;
  if (name === 'authorization') return forwarding.authorization;
  if (forwarding.allViewerHeaders) return !forwarding.exceptHeaders.has(name);
  return forwarding.legacy && !LEGACY_REMOVED.has(name);
}

function copyEntries(entries: CfHeaders[string]): CfHeaders[string] {
  const copy: CfHeaders[string] = [];
  for (const entry of entries) copy.push({ key: entry.key, value: entry.value });
  return copy;
}

function joinValues(entries: CfHeaders[string] | undefined, separator: string): string | undefined {
  if (entries === undefined || entries.length === 0) return undefined;
  let out = entries[0]!.value;
  for (let i = 1; i < entries.length; i++) out += separator + entries[i]!.value;
  return out;
}

function addCloudFrontHeaders(
  out: CfHeaders,
  forwarding: Forwarding,
  viewerRequest: CfRequest,
  viewer: ViewerContext,
): void {
  const input: CloudFrontHeaderInput = {
    clientIp: viewerRequest.clientIp,
    port: viewer.port ?? 0,
    httpVersion: viewer.httpVersion,
    https: viewer.https,
    userAgent: getHeaderValue(viewerRequest.headers, 'user-agent') ?? '',
    viewerHeaders: viewerRequest.headers,
    geo: viewer.geo,
    tls: viewer.tls,
  };
  const device = classifyDevice(input.userAgent);
  for (const name of forwarding.cloudFrontHeaders) {
    const value = cloudFrontHeaderValue(name, input, device);
    // §3.5: CloudFront's value overwrites a same-named viewer header.
    if (value !== undefined) out[name] = [{ key: CLOUDFRONT_HEADER_KEYS.get(name)!, value }];
  }
}

/**
 * §6.2, §5.1–5.3, D11: the origin-bound request built from the (possibly rewritten) viewer request:
 * only what the cache policy / origin request policy forwards, plus CloudFront's own headers,
 * origin custom headers, and `origin` filled from the DistributionConfig.
 * `conditional` adds If-None-Match / If-Modified-Since for revalidating an expired entry (§5.10).
 * `X-Amz-Cf-Id`, `Connection` and the origin custom headers are added when sending (§3.2, §3.4), not here;
 * `body` (the Include Body exposure) is left to the event builder.
 */
export function buildOriginRequest(
  distribution: CompiledDistribution,
  behavior: CompiledBehavior,
  origin: CompiledOrigin,
  viewerRequest: CfRequest,
  viewer: ViewerContext,
  conditional?: { etag?: string; lastModified?: string },
): CfRequest {
  const forwarding = forwardingFor(behavior);
  const viewerHeaders = viewerRequest.headers;
  const out = newHeaderMap();

  // §6.2: the viewer's X-Forwarded-For with the TCP peer appended (AWS's example joins with a bare comma).
  const xff = joinValues(viewerHeaders['x-forwarded-for'], ',');
  out['x-forwarded-for'] = [
    { key: 'X-Forwarded-For', value: xff === undefined ? viewerRequest.clientIp : `${xff},${viewerRequest.clientIp}` },
  ];

  // §6.2: `Amazon CloudFront` unless User-Agent is in a policy.
  const userAgent = viewerHeaders['user-agent'];
  out['user-agent'] =
    forwarding.userAgent && userAgent !== undefined && userAgent.length > 0
      ? copyEntries(userAgent)
      : [{ key: 'User-Agent', value: 'Amazon CloudFront' }];

  // §6.2 (D40): appended to the viewer's Via.
  const via = joinValues(viewerHeaders['via'], ', ');
  const ours = viaValue(viewer.httpVersion);
  out['via'] = [{ key: 'Via', value: via === undefined ? ours : `${via}, ${ours}` }];

  // §6.2: the origin's domain unless Host is forwarded; never the viewer's Host for S3. A function's hostHeader wins
  // over a forwarded Host (dg:helper-functions-origin-modification: "The host header to use … to the origin").
  const host = viewerHeaders['host'];
  out['host'] =
    origin.hostHeader === undefined && forwarding.host && origin.kind !== 's3' && host !== undefined && host.length > 0
      ? copyEntries(host)
      : [{ key: 'Host', value: origin.hostHeader ?? origin.domainName }];

  for (const name in viewerHeaders) {
    if (OWN_RULE.has(name)) continue;
    if (forwardsHeader(forwarding, name)) out[name] = copyEntries(viewerHeaders[name]!);
  }

  addAcceptEncoding(out, behavior, forwarding, viewerHeaders, viewer);

  const cookie = forwardedCookieHeader(viewerHeaders, forwarding);
  if (cookie !== undefined) out['cookie'] = [{ key: 'Cookie', value: cookie }];

  if (forwarding.cloudFrontHeaders.length > 0) addCloudFrontHeaders(out, forwarding, viewerRequest, viewer);

  // §5.10: revalidation of an expired entry.
  if (conditional?.etag !== undefined) out['if-none-match'] = [{ key: 'If-None-Match', value: conditional.etag }];
  if (conditional?.lastModified !== undefined) {
    out['if-modified-since'] = [{ key: 'If-Modified-Since', value: conditional.lastModified }];
  }

  return {
    clientIp: viewerRequest.clientIp,
    method: viewerRequest.method,
    uri: viewerRequest.uri,
    querystring: forwardedQueryString(viewerRequest.querystring, forwarding),
    headers: stripDisallowedHeaders(out),
    origin: originFields(origin, viewer.https),
  };
}

/** §5.3 (D33): normalised Accept-Encoding; removed for HTTP/1.0 viewers; an ordinary header when both are off. */
function addAcceptEncoding(
  out: CfHeaders,
  behavior: CompiledBehavior,
  forwarding: Forwarding,
  viewerHeaders: CfHeaders,
  viewer: ViewerContext,
): void {
  if (viewer.httpVersion === '1.0') return;
  const policy = behavior.cachePolicy;
  if (policy.enableAcceptEncodingGzip || policy.enableAcceptEncodingBrotli) {
    const value = normaliseAcceptEncoding(policy, joinValues(viewerHeaders['accept-encoding'], ', '));
    if (value !== undefined) out['accept-encoding'] = [{ key: 'Accept-Encoding', value }];
    return;
  }
  const entries = viewerHeaders['accept-encoding'];
  if (entries !== undefined && forwardsHeader(forwarding, 'accept-encoding')) {
    out['accept-encoding'] = copyEntries(entries);
  }
}
