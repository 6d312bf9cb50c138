import { isIP } from 'node:net';
import { exposeBody } from './body.js';
import { newRequestId, requestEvent, responseEvent } from './envelope.js';
import { checkOptionKeys } from './option-keys.js';
import { ConfigError } from './errors.js';
import { reasonPhrase } from './generated-response.js';
import {
  DEFAULT_CLIENT_IP,
  DEFAULT_DISTRIBUTION_DOMAIN,
  DEFAULT_DISTRIBUTION_ID,
  defaultCustomOrigin,
  defaultOriginHeaders,
  defaultResponseHeaders,
  defaultViewerHeaders,
} from './event-defaults.js';
import { mergeHeaders, OPTIONS_SOURCE, readHeaderOption } from './header-options.js';
import { isHeaderName } from './header-syntax.js';
import type { CfConfig, CfEvent, CfHeaders, CfRequest, CfResponse, CloudFrontOrigin, LambdaEventType } from './types.js';
import { LAMBDA_EVENT_TYPES } from './types.js';

/** Header options: per name (as sent, any case) a value, several values, or `[{ key?, value }]` as in CfHeaders. */
export type HeaderOptions = Record<string, string | readonly string[] | ReadonlyArray<{ key?: string; value: string }>>;

/** Options for a user-built event; every field has a realistic default (reference Appendix A). */
export interface EventOptions {
  /** Path starting with `/`; a `?query` part fills `querystring` when that is empty or not given. Default `/`. */
  uri?: string;
  /** Default `GET`, or `POST` when a body is given; upper-cased. */
  method?: string;
  /** Without `?` (a leading one is dropped). Default `""`. */
  querystring?: string;
  /**
   * Request headers: `{ name: value | value[] }` (name as sent, any case) or a full CfHeaders map. Each replaces the
   * default header of that name; `[]` removes a default.
   */
  headers?: HeaderOptions;
  clientIp?: string;
  /** Response events: default 200. */
  status?: number | string;
  /** Response events: default the standard reason phrase. */
  statusDescription?: string;
  /** Response events: response headers, in the same forms as `headers`. */
  responseHeaders?: HeaderOptions;
  /** Request body (IncludeBody), request events only; string (UTF-8) or bytes. Adds `Content-Length`. */
  body?: string | Uint8Array;
  /** Request events: show `request.body` (IncludeBody) even without a body (D9). */
  includeBody?: boolean;
  /** Origin events: default the custom origin `example.org` (Appendix A.2). */
  origin?: import('./types.js').CloudFrontOrigin;
  distributionId?: string;
  distributionDomainName?: string;
  /** Default: a fresh id (§1.2). */
  requestId?: string;
}

const EVENT_OPTION_KEYS: readonly (keyof EventOptions)[] = [
  'uri', 'method', 'querystring', 'headers', 'clientIp', 'status', 'statusDescription', 'responseHeaders', 'body',
  'includeBody', 'origin', 'distributionId', 'distributionDomainName', 'requestId',
];

function bad(field: string, message: string): never {
  throw new ConfigError(OPTIONS_SOURCE, field, message);
}

function optionalString(options: EventOptions, field: keyof EventOptions): string | undefined {
  const value = options[field];
  if (value !== undefined && typeof value !== 'string') bad(field, `expected a string, got ${typeof value}`);
  return value;
}

function readStatus(value: number | string | undefined): number {
  if (value === undefined) return 200;
  const status = typeof value === 'number' ? value : /^\d{3}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(status) || status < 100 || status > 599) bad('status', `expected an HTTP status 100–599, got ${JSON.stringify(value)}`);
  return status;
}

function readOriginOption(value: CloudFrontOrigin | undefined): CloudFrontOrigin {
  if (value === undefined) return { custom: defaultCustomOrigin() };
  const kinds = typeof value === 'object' && value !== null ? Number(value.custom !== undefined) + Number(value.s3 !== undefined) : 0;
  if (kinds !== 1) bad('origin', 'expected { custom: {...} } or { s3: {...} } (exactly one), as in a CloudFront origin-request event');
  return value;
}

function readUri(options: EventOptions): { uri: string; querystring: string } {
  const given = optionalString(options, 'uri') ?? '/';
  let querystring = optionalString(options, 'querystring');
  let uri = given;
  const q = given.indexOf('?');
  if (q >= 0) {
    uri = given.slice(0, q);
    // `edge-dev event` always passes a querystring, "" by default: a query in --uri then wins.
    if (querystring && given.length > q + 1) bad('uri', 'the query is given twice, in uri and in querystring; give it once');
    if (!querystring) querystring = given.slice(q + 1);
  }
  if (!uri.startsWith('/')) bad('uri', `expected a path starting with "/", got ${JSON.stringify(given)}`);
  querystring ??= '';
  if (querystring.startsWith('?')) querystring = querystring.slice(1);
  return { uri, querystring };
}

function bodyBytes(body: string | Uint8Array): Buffer {
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return bad('body', 'expected a string or bytes (Buffer / Uint8Array)');
}

function buildRequest(eventType: LambdaEventType, options: EventOptions, domain: string): CfRequest {
  const isRequestEvent = eventType === 'viewer-request' || eventType === 'origin-request';
  const isOriginEvent = eventType === 'origin-request' || eventType === 'origin-response';
  const clientIp = optionalString(options, 'clientIp') ?? DEFAULT_CLIENT_IP;
  if (isIP(clientIp) === 0) bad('clientIp', `expected an IPv4 or IPv6 address, got ${JSON.stringify(clientIp)}`);
  const body = options.body === undefined ? undefined : bodyBytes(options.body);
  if ((body !== undefined || options.includeBody) && !isRequestEvent) {
    bad(options.body !== undefined ? 'body' : 'includeBody', `only viewer-request and origin-request events carry a body (IncludeBody), not ${eventType}`);
  }
  const method = (optionalString(options, 'method') ?? (body !== undefined ? 'POST' : 'GET')).toUpperCase();
  if (!isHeaderName(method)) bad('method', `expected an HTTP method such as GET, got ${JSON.stringify(method)}`);
  const { uri, querystring } = readUri(options);
  const origin = isOriginEvent ? readOriginOption(options.origin) : undefined;
  if (!isOriginEvent && options.origin !== undefined) bad('origin', `only origin-request and origin-response events carry request.origin, not ${eventType}`);
  const host = origin === undefined ? domain : (origin.custom ?? origin.s3).domainName;
  const defaults = isOriginEvent ? defaultOriginHeaders(clientIp, host) : defaultViewerHeaders(host);
  const given = readHeaderOption('headers', options.headers);
  if (body !== undefined && body.length > 0 && !given.has('content-length')) given.set('content-length', [['Content-Length', String(body.length)]]);
  const headers = mergeHeaders(defaults, given);
  // Keys in the order AWS's example events print them.
  const exposed = isRequestEvent && (body !== undefined || options.includeBody) ? exposeBody(body ?? Buffer.alloc(0), eventType) : undefined;
  const request: CfRequest = {
    ...(exposed !== undefined ? { body: exposed } : {}),
    clientIp,
    headers,
    method,
    ...(origin !== undefined ? { origin } : {}),
    querystring,
    uri,
  };
  return request;
}

function buildResponse(eventType: LambdaEventType, options: EventOptions): CfResponse {
  const status = readStatus(options.status);
  const statusDescription = optionalString(options, 'statusDescription') ?? reasonPhrase(status);
  const headers: CfHeaders = mergeHeaders(
    defaultResponseHeaders(eventType === 'viewer-response'),
    readHeaderOption('responseHeaders', options.responseHeaders),
  );
  return { headers, status: String(status), statusDescription };
}

/**
 * A complete, valid CloudFront event of the given type (used by `edge-dev event` and `edge-dev/testing`).
 * Defaults are AWS's example events (Appendix A). Bad options throw ConfigError naming the option.
 */
export function buildEvent(eventType: LambdaEventType, options: EventOptions = {}): CfEvent {
  if (!LAMBDA_EVENT_TYPES.includes(eventType)) bad('eventType', `expected one of ${LAMBDA_EVENT_TYPES.join(', ')}, got ${JSON.stringify(eventType)}`);
  if (typeof options !== 'object' || options === null) bad('options', 'expected an object');
  checkOptionKeys(options, EVENT_OPTION_KEYS, OPTIONS_SOURCE);
  const isResponseEvent = eventType === 'origin-response' || eventType === 'viewer-response';
  for (const field of ['statusDescription', 'responseHeaders'] as const) {
    // `status` alone is tolerated on request events: `edge-dev event` always passes one.
    if (options[field] !== undefined && !isResponseEvent) {
      bad(field, `only origin-response and viewer-response events have a response, not ${eventType}`);
    }
  }
  const distributionDomainName = optionalString(options, 'distributionDomainName') ?? DEFAULT_DISTRIBUTION_DOMAIN;
  const config: CfConfig = {
    distributionDomainName,
    distributionId: optionalString(options, 'distributionId') ?? DEFAULT_DISTRIBUTION_ID,
    eventType,
    requestId: optionalString(options, 'requestId') ?? newRequestId(),
  };
  const request = buildRequest(eventType, options, distributionDomainName);
  return isResponseEvent ? responseEvent(config, request, buildResponse(eventType, options)) : requestEvent(config, request);
}
