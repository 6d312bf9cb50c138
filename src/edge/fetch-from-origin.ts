import { discardBody, exposeBody, stripDisallowedHeaders } from '../event/index.js';
import type { CfRequest, HttpResponse } from '../event/index.js';
import { buildOriginRequest, OriginError } from '../origin/index.js';
import type { CompiledBehavior, CompiledOrigin, LambdaAssociation } from '../config/index.js';
import { runRequestStage, runResponseStage } from './run-stage.js';
import { bodyPrefix, drainBody, replaceBody } from './request-body-state.js';
import { originRouteOf } from './origin-route.js';
import { viewerContext } from './request-state.js';
import type { RequestState } from './types.js';

export type OriginResult =
  /** origin-request generated a response (§2.3, D16). */
  | { kind: 'generated'; response: HttpResponse }
  /** The origin answered; origin-response (if any) has run. */
  | { kind: 'fetched'; response: HttpResponse }
  /** 304 while revalidating an expired entry (§5.10, D17): origin-response does not run. */
  | { kind: 'not-modified'; response: HttpResponse };

export interface Conditional {
  etag?: string;
  lastModified?: string;
}

// §2.5: failover only for viewer GET, HEAD and OPTIONS.
const FAILOVER_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * §2.1 steps 6–8 for one behavior: origin-request, the origin (with origin-group failover, §2.5, D20),
 * origin-response. Throws OriginError (no usable response) or EdgeError (a function failed).
 */
export async function fetchFromOrigin(
  state: RequestState,
  behavior: CompiledBehavior,
  request: CfRequest,
  conditional?: Conditional,
): Promise<OriginResult> {
  const route = originRouteOf(state, behavior);
  const origins = route.secondary ? [route.primary, route.secondary] : [route.primary];
  const canFailover = route.secondary !== undefined && FAILOVER_METHODS.has(request.method);
  for (let attempt = 0; attempt < origins.length; attempt++) {
    const isLastTry = !canFailover || attempt === origins.length - 1;
    const result = await tryOrigin(state, behavior, origins[attempt]!, request, conditional, isLastTry ? undefined : route.failoverStatusCodes);
    if (result !== 'failover') return result;
    state.trace.stages.push('failover');
  }
  throw new Error('unreachable: the last origin of a group never fails over');
}

async function tryOrigin(
  state: RequestState,
  behavior: CompiledBehavior,
  origin: CompiledOrigin,
  viewerRequest: CfRequest,
  conditional: Conditional | undefined,
  failoverStatusCodes: ReadonlySet<number> | undefined,
): Promise<OriginResult | 'failover'> {
  const { deps } = state;
  const prepared = await prepareOriginRequest(state, behavior, origin, viewerRequest, conditional);
  if (prepared.kind === 'generated') return prepared;
  const originRequest = prepared.request;

  const started = performance.now();
  let response: HttpResponse;
  try {
    const body = state.bodyStream ?? (state.body.length ? state.body : undefined);
    response = await deps.origins.fetch(originRequest, { body, requestId: state.requestId });
  } catch (error) {
    state.trace.stages.push(`origin ${(performance.now() - started).toFixed(0)}ms ✗`);
    if (error instanceof OriginError) {
      if (failoverStatusCodes) return 'failover'; // §2.5: connection failures and timeouts fail over
      throw error;
    }
    throw new OriginError(502, `origin ${origin.id}: ${(error as Error).message}`);
  }
  state.trace.stages.push(`origin ${(performance.now() - started).toFixed(0)}ms`);
  if (state.inspect) {
    const { method, uri, querystring, headers } = originRequest;
    state.inspect.origin = { request: { method, uri, querystring, headers }, status: response.status, headers: response.headers };
  }
  const originResponseFn = behavior.lambda['origin-response'];
  if (failoverStatusCodes?.has(response.status)) {
    // §2.2, D20: failover is decided on the origin's own status; origin-response still runs for the response
    // received (once per origin), and its result is discarded. A failing function still fails the request.
    discardBody(response);
    if (originResponseFn) await runOriginResponse(state, originResponseFn, originRequest, response);
    return 'failover';
  }
  if (conditional && response.status === 304) return { kind: 'not-modified', response };
  if (!originResponseFn) return { kind: 'fetched', response };
  return { kind: 'fetched', response: await runOriginResponse(state, originResponseFn, originRequest, response) };
}

/**
 * §6.2, §2.1 step 6: the origin request for one origin, after origin-request (which may generate the response
 * instead, §2.3). Also used for a WebSocket handshake.
 */
export async function prepareOriginRequest(
  state: RequestState,
  behavior: CompiledBehavior,
  origin: CompiledOrigin,
  viewerRequest: CfRequest,
  conditional?: Conditional,
): Promise<{ kind: 'request'; request: CfRequest } | { kind: 'generated'; response: HttpResponse }> {
  const { deps } = state;
  const originRequest = buildOriginRequest(
    deps.distribution,
    behavior,
    origin,
    viewerRequest,
    viewerContext(state),
    conditional,
  );
  const originRequestFn = behavior.lambda['origin-request'];
  if (!originRequestFn) return { kind: 'request', request: originRequest };
  // §1.7: the body is exposed only with IncludeBody on this association.
  if (originRequestFn.includeBody) originRequest.body = exposeBody(await bodyPrefix(state, 'origin-request'), 'origin-request');
  const outcome = await runRequestStage(state, originRequestFn, originRequest);
  if (outcome.kind === 'response') {
    drainBody(state);
    return { kind: 'generated', response: outcome.response };
  }
  if (outcome.body) replaceBody(state, outcome.body);
  delete outcome.request.body;
  return { kind: 'request', request: outcome.request };
}

/** §2.4: origin-response on a received response; the result replaces status, headers and (if set) body. */
async function runOriginResponse(
  state: RequestState,
  association: LambdaAssociation,
  originRequest: CfRequest,
  response: HttpResponse,
): Promise<HttpResponse> {
  // §1.5: origin-response sees the request as sent to the origin; §3.2: never the disallowed headers.
  const outcome = await runResponseStage(state, association, originRequest, {
    status: String(response.status),
    statusDescription: response.statusDescription,
    headers: stripDisallowedHeaders(response.headers),
  }).catch((error: unknown) => {
    // The function's error is the answer: the origin's body is not read any further.
    discardBody(response);
    throw error;
  });
  const status = Number(outcome.response.status);
  const { statusDescription, headers } = outcome.response;
  if (outcome.body === undefined) return { status, statusDescription, headers, body: response.body, stream: response.stream };
  // §1.9: a body set by origin-response replaces the origin's, which is not read any further.
  discardBody(response);
  return { status, statusDescription, headers, body: outcome.body };
}
