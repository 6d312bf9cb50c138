/**
 * One CloudFront Function run for the edge and for tests: build the event, run the warm instance, validate the
 * result and merge it (reference §9). Failures throw EdgeError with the function's error kind.
 */
import { EdgeError, newHeaderMap, setHeader } from '../event/index.js';
import type { CfHeaders, CfRequest, HttpResponse, ViewerEventType } from '../event/index.js';
import { applyFunctionRequest } from './apply-function-request.js';
import { applyFunctionResponse, functionGeneratedResponse } from './apply-function-response.js';
import { functionRunError, functionValidationError, type FunctionSite } from './function-errors.js';
import { loadFunction, UnserialisableResult } from './function-instance.js';
import type { EdgeLocation } from './run-state.js';
import { functionEvent, functionRequestOf, functionResponseOf } from './to-function-event.js';
import type { CloudFrontFunctionSpec, FunctionContext, FunctionEvent, FunctionValueMap, OriginChange } from './types.js';

/** What the edge knows of the request besides the request itself. */
export interface FunctionCall {
  distributionDomainName: string;
  distributionId: string;
  requestId: string;
  edgeLocation: EdgeLocation;
}

export interface FunctionRunFacts {
  logs: string[];
  warnings: string[];
  computeUtilization: number;
  durationMs: number;
}

export type ViewerRequestOutcome =
  /** `originChanges`: the origin helpers' calls, in order, for the edge to apply (dg:helper-functions-origin-modification). */
  | ({ kind: 'request'; request: CfRequest; originChanges: readonly OriginChange[] } & FunctionRunFacts)
  | ({ kind: 'response'; response: HttpResponse } & FunctionRunFacts);

function context(call: FunctionCall, eventType: ViewerEventType): FunctionContext {
  return { distributionDomainName: call.distributionDomainName, distributionId: call.distributionId, eventType, requestId: call.requestId };
}

/** Runs the function; a throw, a runaway or a result that is not an object ends in CloudFront's error. */
function runChecked(spec: CloudFrontFunctionSpec, site: FunctionSite, event: FunctionEvent, edgeLocation: EdgeLocation) {
  const outcome = loadFunction(spec).invoke(JSON.stringify(event), site.eventType, edgeLocation);
  const facts: FunctionRunFacts = { logs: outcome.logs, warnings: [], computeUtilization: outcome.computeUtilization, durationMs: outcome.durationMs };
  if (!outcome.ok) throw Object.assign(functionRunError(site, outcome.error!.kind, outcome.error!.message), { facts });
  const result = outcome.result;
  if (result instanceof UnserialisableResult) throw Object.assign(functionValidationError(site, 'result', `cannot be read as JSON (${result.reason})`, 'dg:functions-event-structure'), { facts });
  if (typeof result !== 'object' || result === null || Array.isArray(result)) {
    throw Object.assign(functionValidationError(site, 'result', `must be the request or a response object, not ${JSON.stringify(result) ?? 'undefined'}`, 'dg:functions-event-structure'), { facts });
  }
  return { result: result as Record<string, unknown>, facts, originChanges: outcome.originChanges };
}

/** The facts of a failed run (logs before the failure), when the error carries them. */
export function factsOf(error: unknown): FunctionRunFacts | undefined {
  return error instanceof EdgeError ? (error as EdgeError & { facts?: FunctionRunFacts }).facts : undefined;
}

/** Errors from validating a result carry the run's facts (its logs), as run errors do. */
function withFacts<T>(facts: FunctionRunFacts, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw Object.assign(error as Error, { facts });
  }
}

/** §2.1 step 3 with a CloudFront Function: the request that continues, or the response sent at once (§2.3). */
export function runViewerRequestFunction(spec: CloudFrontFunctionSpec, call: FunctionCall, request: CfRequest): ViewerRequestOutcome {
  const site: FunctionSite = { name: spec.name, eventType: 'viewer-request' };
  const seen = functionRequestOf(request);
  const { result, facts, originChanges } = runChecked(spec, site, functionEvent(context(call, 'viewer-request'), request.clientIp, seen), call.edgeLocation);
  return withFacts(facts, (): ViewerRequestOutcome => {
    // dg:functions-event-structure "Response object": a returned statusCode makes the result a response (as D13).
    if (Object.hasOwn(result, 'statusCode')) return { kind: 'response', response: functionGeneratedResponse(site, result), ...facts };
    return { kind: 'request', request: applyFunctionRequest(site, request, seen, result, facts.warnings), originChanges, ...facts };
  });
}

/** §2.1 step 9 with a CloudFront Function: the response the viewer gets. */
export function runViewerResponseFunction(
  spec: CloudFrontFunctionSpec,
  call: FunctionCall,
  request: CfRequest,
  served: HttpResponse,
): { response: HttpResponse } & FunctionRunFacts {
  const site: FunctionSite = { name: spec.name, eventType: 'viewer-response' };
  const seen = functionResponseOf(served);
  const event = functionEvent(context(call, 'viewer-response'), request.clientIp, functionRequestOf(request), seen);
  const { result, facts } = runChecked(spec, site, event, call.edgeLocation);
  return withFacts(facts, () => ({ response: applyFunctionResponse(site, served, seen, result), ...facts }));
}

/** An event's `{ value, multiValue }` header map as an internal header map. */
function headersOfValueMap(map: FunctionValueMap | undefined): CfHeaders {
  const headers = newHeaderMap();
  for (const [name, entry] of Object.entries(map ?? {})) headers[name] = (entry.multiValue ?? [entry]).map(({ value }) => ({ key: name, value }));
  return headers;
}

/** The internal request an event's `request` object stands for (invoke and TestFunction start from an event). */
function requestOfEvent(event: FunctionEvent): CfRequest {
  const headers = headersOfValueMap(event.request.headers);
  const cookies = Object.entries(event.request.cookies ?? {}).flatMap(([name, entry]) => (entry.multiValue ?? [entry]).map(({ value }) => `${name}=${value}`));
  if (cookies.length) setHeader(headers, 'cookie', cookies.join('; '));
  const querystring = Object.entries(event.request.querystring ?? {})
    .flatMap(([name, entry]) => (entry.multiValue ?? [entry]).map(({ value }) => `${name}=${value}`))
    .join('&');
  return { clientIp: event.viewer?.ip ?? '127.0.0.1', method: event.request.method, uri: event.request.uri, querystring, headers };
}

function responseOfEvent(event: FunctionEvent): HttpResponse {
  const response = event.response!;
  const headers = headersOfValueMap(response.headers);
  const cookies = Object.entries(response.cookies ?? {}).flatMap(([name, entry]) =>
    (entry.multiValue ?? [entry]).map(({ value, attributes }) => ({ key: 'Set-Cookie', value: attributes ? `${name}=${value}; ${attributes}` : `${name}=${value}` })),
  );
  if (cookies.length) headers['set-cookie'] = cookies;
  return { status: response.statusCode, statusDescription: response.statusDescription ?? '', headers, body: Buffer.alloc(0) };
}

/** What TestFunction and `edge-dev invoke` report for one event (api:TestResult). */
export interface FunctionTestResult extends FunctionRunFacts {
  /** The object the function returned, under `request` or `response`, after CloudFront's checks. */
  output?: { request?: unknown; response?: unknown };
  error?: EdgeError;
}

const TEST_LOCATION: EdgeLocation = { name: 'LOCAL', serverIp: '127.0.0.1', region: 'us-east-1' };

/**
 * Runs a function on a whole CloudFront Functions event as TestFunction does: never throws for the function's faults.
 * Origin helper calls are checked but not resolved: "The Test API … don't test whether an origin modification has
 * occurred" (dg:helper-functions-origin-modification).
 */
export function testFunction(spec: CloudFrontFunctionSpec, event: FunctionEvent): FunctionTestResult {
  const eventType = event.context.eventType;
  const site: FunctionSite = { name: spec.name, eventType };
  try {
    const request = requestOfEvent(event);
    const seenRequest = functionRequestOf(request);
    if (eventType === 'viewer-request') {
      const { result, facts } = runChecked(spec, site, { ...event, request: seenRequest }, TEST_LOCATION);
      const isResponse = Object.hasOwn(result, 'statusCode');
      withFacts(facts, () => (isResponse ? functionGeneratedResponse(site, result) : applyFunctionRequest(site, request, seenRequest, result, facts.warnings)));
      return { ...facts, output: isResponse ? { response: result } : { request: result } };
    }
    const served = responseOfEvent(event);
    const seen = functionResponseOf(served);
    const { result, facts } = runChecked(spec, site, { ...event, request: seenRequest, response: seen }, TEST_LOCATION);
    withFacts(facts, () => applyFunctionResponse(site, served, seen, result));
    return { ...facts, output: { response: result } };
  } catch (error) {
    if (!(error instanceof EdgeError)) throw error;
    return { ...(factsOf(error) ?? { logs: [], warnings: [], computeUtilization: 0, durationMs: 0 }), error };
  }
}
