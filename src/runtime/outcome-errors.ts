import { CLOUDFRONT_TEXT } from '../event/index.js';
import type { EdgeErrorRecord } from '../event/index.js';

// §3.8 (D25, D27): throws, rejections, callback(error), crashes and memory exhaustion: 503 LambdaExecutionError.
export function executionError(detail: string): EdgeErrorRecord {
  return { kind: 'LambdaExecutionError', status: 503, message: CLOUDFRONT_TEXT.executionError, detail };
}

// §3.8 (D26): a timeout is an execution error whose detail says timeout.
export function timeoutError(functionLabel: string, timeoutSeconds: number): EdgeErrorRecord {
  return executionError(
    `timeout: ${functionLabel} did not finish within its configured timeout of ${timeoutSeconds} s; the environment was reset`,
  );
}

// §3.8 (D23): only under the opt-in concurrency cap.
export function throttledError(functionLabel: string, concurrency: number): EdgeErrorRecord {
  return {
    kind: 'LambdaLimitExceeded',
    status: 503,
    message: CLOUDFRONT_TEXT.throttled,
    detail: `${functionLabel} already runs ${concurrency} invocation(s), its configured concurrency`,
  };
}

// §8.4 (D48): a result JSON.stringify cannot serialise (cycle, BigInt).
export function notParsableError(functionLabel: string, reason: string): EdgeErrorRecord {
  return {
    kind: 'LambdaValidationError',
    status: 502,
    message: CLOUDFRONT_TEXT.notParsable,
    detail: `${functionLabel} returned a result that is not serialisable as JSON: ${reason}`,
  };
}

// Issue 15: a result over Lambda's 6 MB response payload limit is no result CloudFront could accept: the request
// gets the 502 of a body over the maximum size (§3.8), and the server never holds the oversized copy.
export function resultTooLargeError(functionLabel: string, lambdaMessage: string): EdgeErrorRecord {
  return {
    kind: 'LambdaValidationError',
    status: 502,
    message: CLOUDFRONT_TEXT.bodyInvalid,
    detail: `${functionLabel} returned a result Lambda would refuse: ${lambdaMessage}`,
  };
}
