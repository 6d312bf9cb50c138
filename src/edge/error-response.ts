import { toEdgeErrorRecord } from '../event/index.js';
import type { EdgeError, HttpResponse } from '../event/index.js';
import type { OriginError } from '../origin/index.js';
import { cloudFrontErrorResponse } from './error-page.js';
import { finishResponse } from './finish-response.js';
import { logForRequest } from './request-log.js';
import type { EdgeResponse, RequestState } from './types.js';

// D18: CloudFront's text when it got no usable response from the origin.
const ORIGIN_FAILED =
  'CloudFront attempted to establish a connection with the origin, but either the attempt failed or the origin closed the connection.';

/** D18: the 502/504 CloudFront answers when the origin gave no usable response. */
export function originErrorResponse(state: RequestState, error: OriginError): HttpResponse {
  logForRequest(state, `[origin] ${state.requestId} ${error.status}: ${error.reason}`);
  return cloudFrontErrorResponse(error.status, ORIGIN_FAILED, state.requestId);
}

/**
 * §3.8, D22, D23: a function broke the rules or failed: CloudFront's page with the error kind in X-Cache.
 * Never cached, no custom error page, no viewer-response. The detail goes to the log under CloudFront's log group.
 */
export function functionErrorResponse(state: RequestState, error: EdgeError): EdgeResponse {
  const record = toEdgeErrorRecord(error);
  if (state.inspect) state.inspect.error = record;
  // CloudFront Function failures are logged under the function's own group by run-function-stage.
  if (!record.kind.startsWith('Function')) {
    const group = `/aws/cloudfront/LambdaEdge/${state.deps.distribution.distributionId}`;
    logForRequest(state, `${group} ${state.requestId} ${record.kind}: ${record.message}${record.detail ? `\n  ${record.detail}` : ''}`);
  }
  return finishResponse(state, cloudFrontErrorResponse(record.status, record.message, state.requestId), record.kind);
}

/** A bug in edge-dev itself: say so plainly rather than pretend CloudFront did it. */
export function internalErrorResponse(state: RequestState, error: unknown): EdgeResponse {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  logForRequest(state, `[edge-dev internal error] ${state.requestId} ${text}`);
  return finishResponse(state, cloudFrontErrorResponse(502, 'edge-dev internal error: see the edge-dev log.', state.requestId), 'Error');
}
