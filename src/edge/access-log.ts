import type { EdgeResponse, RequestState } from './types.js';

// Issue 11 (dg:standard-logs-reference › Log file fields): the 33 fields of a standard (legacy) log file, in order.
export const ACCESS_LOG_FIELDS = [
  'date', 'time', 'x-edge-location', 'sc-bytes', 'c-ip', 'cs-method', 'cs(Host)', 'cs-uri-stem', 'sc-status',
  'cs(Referer)', 'cs(User-Agent)', 'cs-uri-query', 'cs(Cookie)', 'x-edge-result-type', 'x-edge-request-id',
  'x-host-header', 'cs-protocol', 'cs-bytes', 'time-taken', 'x-forwarded-for', 'ssl-protocol', 'ssl-cipher',
  'x-edge-response-result-type', 'cs-protocol-version', 'fle-status', 'fle-encrypted-fields', 'c-port',
  'time-to-first-byte', 'x-edge-detailed-result-type', 'sc-content-type', 'sc-content-len', 'sc-range-start',
  'sc-range-end',
] as const;

/** The two header lines every log file starts with (W3C extended log format). */
export const ACCESS_LOG_HEADER = `#Version: 1.0\n#Fields: ${ACCESS_LOG_FIELDS.join(' ')}\n`;

/** One request's values, by field name; `undefined` and `''` are written as `-`. */
export type AccessLogRecord = Record<(typeof ACCESS_LOG_FIELDS)[number], string | number | undefined>;

// dg:standard-logs-reference: values are URL-encoded for ASCII 0–32, 127 and up, and < > " # % { } | \ ^ ~ [ ] ` '.
const ENCODED = new Uint8Array(256);
for (let code = 0; code < 256; code++) ENCODED[code] = code <= 32 || code >= 127 ? 1 : 0;
for (const char of '<>"#%{}|\\^~[]`\'') ENCODED[char.charCodeAt(0)] = 1;

/** A field value as the log writes it: `-` when empty, the documented characters percent-encoded (UTF-8 bytes). */
export function encodeLogValue(value: string | number | undefined): string {
  if (value === undefined || value === '') return '-';
  if (typeof value === 'number') return String(value);
  let plain = true;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 126 || ENCODED[code] === 1) {
      plain = false;
      break;
    }
  }
  if (plain) return value;
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) out += ENCODED[byte] === 1 ? `%${byte.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(byte);
  return out;
}

/** One tab-separated line (without its newline) in the field order of the `#Fields:` header. */
export function formatAccessLogLine(record: AccessLogRecord): string {
  let line = '';
  for (let i = 0; i < ACCESS_LOG_FIELDS.length; i++) line += (i === 0 ? '' : '\t') + encodeLogValue(record[ACCESS_LOG_FIELDS[i]!]);
  return line;
}

/** What the pipeline knows once the body is sent. */
export interface SentResponse {
  response: EdgeResponse;
  /** ms from arrival to the headers being ready, and to the last byte. */
  firstByteMs: number;
  totalMs: number;
  /** Body bytes sent, and why the body stopped early (if it did). */
  bytes: number;
  error?: Error;
  /** Epoch ms when the last byte left. */
  endedAt: number;
}

/** Issue 11: the standard log line of one finished request (D55 in docs/fidelity.md for what is approximated). */
export function accessLogLine(state: RequestState, sent: SentResponse, includeCookies: boolean): string {
  const { viewer } = state;
  const { response } = sent;
  const iso = new Date(sent.endedAt).toISOString();
  const q = viewer.url.indexOf('?');
  const request = headerValues(viewer.rawHeaders, REQUEST_HEADERS);
  const answer = headerValues(response.rawHeaders, RESPONSE_HEADERS);
  const [sslProtocol, sslCipher] = viewer.tls === undefined ? [] : viewer.tls.split(':');
  // The result type as the server classified it before sending (X-Cache's token), and after the last byte.
  const before = state.trace.xCache.replace(' from cloudfront', '') || (response.status >= 400 ? 'Error' : 'Miss');
  const after = sent.error === undefined ? before : 'Error';
  const range = CONTENT_RANGE.exec(answer['content-range'] ?? '');
  return formatAccessLogLine({
    date: iso.slice(0, 10),
    time: iso.slice(11, 19),
    'x-edge-location': state.deps.options.pop,
    'sc-bytes': responseHeaderBytes(response) + sent.bytes,
    'c-ip': viewer.clientIp,
    'cs-method': viewer.method,
    'cs(Host)': state.deps.distribution.domainName,
    'cs-uri-stem': q === -1 ? viewer.url : viewer.url.slice(0, q),
    'sc-status': response.status,
    'cs(Referer)': request.referer,
    'cs(User-Agent)': request['user-agent'],
    'cs-uri-query': q === -1 ? undefined : viewer.url.slice(q + 1),
    'cs(Cookie)': includeCookies ? request.cookie : undefined,
    'x-edge-result-type': after,
    'x-edge-request-id': state.requestId,
    'x-host-header': request.host,
    'cs-protocol': viewer.https ? 'https' : 'http',
    'cs-bytes': requestBytes(state, request['content-length']),
    'time-taken': seconds(sent.totalMs),
    'x-forwarded-for': request['x-forwarded-for'],
    'ssl-protocol': sslProtocol,
    'ssl-cipher': sslCipher,
    'x-edge-response-result-type': before,
    'cs-protocol-version': `HTTP/${viewer.httpVersion === '2' ? '2.0' : viewer.httpVersion}`,
    'fle-status': undefined,
    'fle-encrypted-fields': undefined,
    'c-port': viewer.clientPort,
    'time-to-first-byte': seconds(sent.firstByteMs),
    'x-edge-detailed-result-type': detailedResultType(after, sent.error),
    'sc-content-type': answer['content-type'],
    'sc-content-len': answer['content-length'],
    'sc-range-start': range?.[1],
    'sc-range-end': range?.[2],
  });
}

// dg:standard-logs-reference: the detailed type equals x-edge-result-type except for errors, where it says which.
// A body that stopped early is the viewer going away (ClientCommError) or the origin failing mid-body (OriginReadError).
function detailedResultType(resultType: string, error: Error | undefined): string {
  if (error === undefined) return resultType;
  return (error as { code?: unknown }).code === 'ERR_STREAM_PREMATURE_CLOSE' ? 'ClientCommError' : 'OriginReadError';
}

// `Content-Range: bytes 0-99/1000` gives sc-range-start and sc-range-end.
const CONTENT_RANGE = /^bytes (\d+)-(\d+)\//;
const REQUEST_HEADERS = new Set(['host', 'referer', 'user-agent', 'cookie', 'x-forwarded-for', 'content-length']);
const RESPONSE_HEADERS = new Set(['content-type', 'content-length', 'content-range']);

function headerValues(raw: readonly string[], wanted: ReadonlySet<string>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = Object.create(null) as Record<string, string | undefined>;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (!wanted.has(name)) continue;
    // Repeated request headers (cookie, x-forwarded-for) are joined as HTTP/2 and proxies join them.
    out[name] = out[name] === undefined ? raw[i + 1]! : `${out[name]}${name === 'cookie' ? '; ' : ', '}${raw[i + 1]!}`;
  }
  return out;
}

// Status line and headers as edge-dev writes them (HTTP/1.1 framing); the Date and Connection lines Node adds are not counted.
function responseHeaderBytes(response: EdgeResponse): number {
  let bytes = 9 + 4 + response.statusDescription.length + 2 + 2;
  for (let i = 0; i < response.rawHeaders.length; i += 2) bytes += response.rawHeaders[i]!.length + 2 + Buffer.byteLength(response.rawHeaders[i + 1]!) + 2;
  return bytes;
}

// Request line, headers and body, as the viewer sent them.
function requestBytes(state: RequestState, contentLength: string | undefined): number {
  const { viewer } = state;
  let bytes = viewer.method.length + 1 + Buffer.byteLength(viewer.url) + 1 + 8 + 2 + 2;
  for (let i = 0; i < viewer.rawHeaders.length; i += 2) bytes += viewer.rawHeaders[i]!.length + 2 + Buffer.byteLength(viewer.rawHeaders[i + 1]!) + 2;
  const body = viewer.bodyStream !== undefined ? Number(contentLength ?? 0) || 0 : viewer.body.length;
  return bytes + body;
}

// "The number of seconds (to the thousandth of a second, for example, 0.082)".
function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}
