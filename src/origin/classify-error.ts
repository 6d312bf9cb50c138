/** How a failed origin exchange counts for retries (§2.5, §7.2) and for the status (D18). */
export type FailureKind = 'connect' | 'connect-timeout' | 'read-timeout' | 'other';

export interface Failure {
  kind: FailureKind;
  status: 502 | 504;
  /** Short, developer-facing description with the error code. */
  what: string;
}

// Failures before the request was sent: every method may be retried within the connection attempts.
const CONNECT_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL']);
const CONNECT_TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);
const READ_TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the origin',
  ENOTFOUND: 'origin domain name not found',
  UND_ERR_SOCKET: 'the origin closed the connection',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'no response headers within the origin response timeout',
  UND_ERR_BODY_TIMEOUT: 'the response body stalled for longer than the origin response timeout',
  UND_ERR_HEADERS_OVERFLOW: 'response header block too large',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'response body shorter or longer than its Content-Length',
  EDGE_DEV_ORIGIN_HEADERS_TOO_LARGE: 'response header block over 20,480 bytes (D30)',
};

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return 'UNKNOWN';
}

/**
 * D18: no usable response from the origin. Refused, reset, invalid HTTP, TLS failure or an oversized header
 * block → 502; a connection or read (response) timeout → 504.
 */
export function classifyError(error: unknown): Failure {
  // undici's HTTPParserError can come without a code (llhttp's error name is not always mapped).
  const parserError = error instanceof Error && error.name === 'HTTPParserError';
  const code = parserError && errorCode(error) === 'UNKNOWN' ? 'HPE_INVALID' : errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  const described = DESCRIPTIONS[code] ?? (code.startsWith('HPE_') ? `invalid HTTP response: ${message}` : message);
  const what = `${described} (${code})`;
  if (CONNECT_TIMEOUT_CODES.has(code)) return { kind: 'connect-timeout', status: 504, what };
  if (READ_TIMEOUT_CODES.has(code)) return { kind: 'read-timeout', status: 504, what };
  if (CONNECT_CODES.has(code)) return { kind: 'connect', status: 502, what };
  return { kind: 'other', status: 502, what };
}
