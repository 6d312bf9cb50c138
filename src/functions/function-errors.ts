import { CLOUDFRONT_TEXT, EdgeError } from '../event/index.js';
import type { ViewerEventType } from '../event/index.js';

/** Who failed, for every developer message: the function and the event it ran for. */
export interface FunctionSite {
  name: string;
  eventType: ViewerEventType;
}

/**
 * §3.8, D23: a result CloudFront cannot use → 502 FunctionValidationError; the detail names function, field, rule and
 * source. A read-only header violation keeps CloudFront's own page text.
 */
export function functionValidationError(site: FunctionSite, field: string, rule: string, source: string, readOnly = false): EdgeError {
  return new EdgeError(
    'FunctionValidationError',
    502,
    readOnly ? CLOUDFRONT_TEXT.functionReadOnlyHeader : CLOUDFRONT_TEXT.functionInvalidResult,
    `CloudFront Function "${site.name}" (${site.eventType}): ${field}: ${rule} (${source})`,
  );
}

/** §3.8: the function threw (503 FunctionExecutionError) or went over the compute limit (503 FunctionThrottledError). */
export function functionRunError(site: FunctionSite, kind: 'FunctionExecutionError' | 'FunctionThrottledError', message: string): EdgeError {
  const text = kind === 'FunctionThrottledError' ? CLOUDFRONT_TEXT.functionThrottled : CLOUDFRONT_TEXT.functionExecutionError;
  return new EdgeError(kind, 503, text, `CloudFront Function "${site.name}" (${site.eventType}): ${message}`);
}
