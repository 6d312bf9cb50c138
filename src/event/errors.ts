/**
 * CloudFront's error kinds (reference §3.8). Errors cross worker threads as plain records,
 * so callers branch on `kind`, never on `instanceof`.
 */
export type EdgeErrorKind =
  | 'LambdaValidationError'
  | 'LambdaExecutionError'
  | 'LambdaLimitExceeded'
  | 'FunctionValidationError'
  | 'FunctionExecutionError'
  | 'FunctionThrottledError';

export class EdgeError extends Error {
  constructor(
    readonly kind: EdgeErrorKind,
    readonly status: 502 | 503,
    /** The text CloudFront puts in its error page (§3.8). */
    message: string,
    /** What the developer needs: event type, field, rule and reference section. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = kind;
  }
}

/** The plain-record form used across worker threads and in JSON output. */
export interface EdgeErrorRecord {
  kind: EdgeErrorKind;
  status: 502 | 503;
  message: string;
  detail?: string;
}

export function toEdgeErrorRecord(error: EdgeError): EdgeErrorRecord {
  return { kind: error.kind, status: error.status, message: error.message, detail: error.detail };
}

export function fromEdgeErrorRecord(record: EdgeErrorRecord): EdgeError {
  return new EdgeError(record.kind, record.status, record.message, record.detail);
}

/** §3.8 page texts, one place. */
export const CLOUDFRONT_TEXT = {
  readOnlyHeader:
    'The Lambda function result failed validation: The function tried to add, delete, or change a read-only header.',
  disallowedHeader: 'The Lambda function result failed validation: The function tried to add a blacklisted header.',
  bodyInvalid:
    'The Lambda function result failed validation: The body is not a string, is not an object, or exceeds the maximum size.',
  notObject: 'The Lambda function returned invalid JSON: The JSON output must be an object type.',
  notParsable: 'The Lambda function returned invalid JSON: The JSON output is not parsable.',
  invalidShape: 'The Lambda function returned an invalid request or response to CloudFront.',
  executionError:
    "The Lambda function associated with the CloudFront distribution is invalid or doesn't have the required permissions.",
  throttled: 'The Lambda function associated with the CloudFront distribution was throttled.',
  functionReadOnlyHeader:
    'The CloudFront function result failed validation: The function tried to add, delete, or change a read-only header.',
  functionExecutionError: 'The CloudFront function associated with the CloudFront distribution is invalid or could not run.',
  // §9: over the compute limit. edge-dev wording; 503 as observed on real distributions (docs/fidelity.md).
  functionThrottled: 'The CloudFront function associated with the CloudFront distribution was throttled.',
  // D23, D24 for CloudFront Functions: a result CloudFront cannot use; the detail names the field and the rule.
  functionInvalidResult: 'The CloudFront function returned an invalid value: the request or response does not follow the event structure.',
  // §7.2: a method outside AllowedMethods.
  methodNotAllowed:
    'This distribution is not configured to allow the HTTP request method that was used for this request. The distribution supports only cachable requests.',
  // dg:http-400-bad-request, dg:http-403-permission-denied: malformed requests and hosts CloudFront does not serve.
  badRequest: 'Bad request.',
  // §4, D30: request line and headers over 20,480 bytes, or a URL over 8,192.
  requestTooLarge: 'Bad request: the request line and headers are too large.',
} as const;

/** A problem in a file the user gave us: names the file, the JSON path and the fix; `check` and `serve` exit 2. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    message: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${message}`);
    this.name = 'ConfigError';
  }
}
