import { CLOUDFRONT_TEXT } from '../event/index.js';
import type { HttpResponse } from '../event/index.js';
import type { ViewerHosts } from '../config/index.js';
import { cloudFrontErrorResponse } from './error-page.js';
import type { RequestState } from './types.js';

// RFC 3986 reg-name (unreserved, sub-delims, pct-encoded) or an IP literal, then an optional port.
const HOST_VALUE = /^(?:\[[0-9a-f:.]+\]|[a-z0-9\-._~!$&'()*+,;=%]+)(?::\d{0,5})?$/i;
const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** The host of a `Host` value, lower-case and without its port, or undefined when the value is not a valid host. */
export function hostOf(value: string): string | undefined {
  if (!HOST_VALUE.test(value)) return undefined;
  const host = value.startsWith('[') ? value.slice(0, value.indexOf(']') + 1) : value.replace(/:\d*$/, '');
  return host.toLowerCase().replace(/\.$/, '');
}

/** Names every local edge answers: loopback can never be a rebinding attacker's name (RFC 6761 for `.localhost`). */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || LOOPBACK_V4.test(host);
}

function matches(hosts: ViewerHosts, host: string): boolean {
  if (hosts.exact.has(host)) return true;
  for (const suffix of hosts.suffixes) if (host.length > suffix.length && host.endsWith(suffix)) return true;
  return false;
}

/**
 * Issue 15 (interface.md › Viewer hosts), before anything else runs: one valid `Host` (RFC 9112 §3.2: missing,
 * repeated or invalid → 400), and one this edge serves (dg:http-403-permission-denied: a name that is not the
 * distribution's gets 403 "Bad request."). Undefined to go on.
 */
export function checkViewerHost(state: RequestState): HttpResponse | undefined {
  const values = state.request.headers.host;
  const host = values?.length === 1 ? hostOf(values[0]!.value) : undefined;
  if (host === undefined) {
    const what = values === undefined ? 'no Host header' : values.length > 1 ? `${values.length} Host headers` : `the Host ${JSON.stringify(values[0]!.value.slice(0, 100))}`;
    state.warnings.push(`400: the request has ${what}; a request needs exactly one valid Host (RFC 9112 §3.2).`);
    return cloudFrontErrorResponse(400, CLOUDFRONT_TEXT.badRequest, state.requestId);
  }
  const { distribution, options } = state.deps;
  if (isLoopbackHost(host) || matches(distribution.viewerHosts, host) || (options.allowedHosts !== undefined && matches(options.allowedHosts, host))) {
    return undefined;
  }
  state.warnings.push(
    `Host "${host}" is not this distribution's domain name, an alias or a loopback name, so CloudFront would not serve it; add it to Aliases, settings.allowedHosts or --allowed-host.`,
  );
  return cloudFrontErrorResponse(403, CLOUDFRONT_TEXT.badRequest, state.requestId);
}
