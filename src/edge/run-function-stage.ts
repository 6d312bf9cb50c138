/**
 * CloudFront Functions at the two viewer events (reference §9, §2.1 steps 3 and 9). A run is synchronous: the
 * function cannot wait on anything outside itself. Logs go under `/aws/cloudfront/function/<Name>`
 * (dg:edge-functions-logs).
 */
import { discardBody, EdgeError } from '../event/index.js';
import type { HttpResponse } from '../event/index.js';
import { factsOf, runViewerRequestFunction, runViewerResponseFunction } from '../functions/index.js';
import type { FunctionCall, FunctionRunFacts } from '../functions/index.js';
import type { CloudFrontFunctionAssociation } from '../config/index.js';
import { applyOriginChanges } from './apply-origin-changes.js';
import { finishResponse, withCloudFrontServer } from './finish-response.js';
import type { EdgeResponse, RequestState } from './types.js';
import { logForRequest } from './request-log.js';

const LABEL = { 'viewer-request': 'CFF VReq', 'viewer-response': 'CFF VRs' } as const;

function callOf(state: RequestState): FunctionCall {
  const { distribution, options } = state.deps;
  return {
    distributionDomainName: distribution.domainName,
    distributionId: distribution.distributionId,
    requestId: state.requestId,
    // dg:general-helper-methods: cf.edgeLocation names the POP's airport code.
    edgeLocation: { name: options.pop.slice(0, 3), serverIp: '127.0.0.1', region: distribution.settings?.region ?? 'us-east-1' },
  };
}

function record(state: RequestState, association: CloudFrontFunctionAssociation, facts: FunctionRunFacts | undefined, error?: EdgeError): void {
  const group = `/aws/cloudfront/function/${association.fn.name}`;
  for (const line of facts?.logs ?? []) logForRequest(state, `${group} ${state.requestId} ${line}`);
  if (error) logForRequest(state, `${group} ${state.requestId} ${error.kind}: ${error.message}${error.detail ? `\n  ${error.detail}` : ''}`);
  if (facts) {
    state.warnings.push(...facts.warnings);
    state.trace.stages.push(`${LABEL[association.eventType]} ${facts.durationMs.toFixed(1)}ms`);
  }
}

/** Runs `fn`, logging the function's lines and, on failure, its error under the function's log group. */
function logged<T extends FunctionRunFacts>(state: RequestState, association: CloudFrontFunctionAssociation, fn: () => T): T {
  try {
    const outcome = fn();
    record(state, association, outcome);
    return outcome;
  } catch (error) {
    if (error instanceof EdgeError) record(state, association, factsOf(error), error);
    throw error;
  }
}

/**
 * §2.1 step 3: a CloudFront Function at viewer-request. Its request replaces `state.request` (so it feeds the cache key
 * and the origin request); a response it returns is finished here (§2.3) and nothing else runs.
 */
export function runViewerRequestFunctionStage(state: RequestState, association: CloudFrontFunctionAssociation): EdgeResponse | undefined {
  const outcome = logged(state, association, () => {
    const ran = runViewerRequestFunction(association.fn, callOf(state), state.request);
    // dg:helper-functions-origin-modification: the origin helpers change where this request goes (§2.5 for a group).
    if (ran.kind === 'request' && ran.originChanges.length) {
      const site = { name: association.fn.name, eventType: 'viewer-request' } as const;
      try {
        state.originRoute = applyOriginChanges(state.deps.distribution, state.behavior.targetOriginId, site, ran.originChanges, ran.request);
      } catch (error) {
        throw Object.assign(error as Error, { facts: ran });
      }
    }
    return ran;
  });
  if (outcome.kind === 'response') return finishResponse(state, withCloudFrontServer(outcome.response), 'FunctionGeneratedResponse');
  state.request = outcome.request;
  return undefined;
}

/** §2.1 step 9: a CloudFront Function at viewer-response (the caller has applied the ≥ 400 skip rule, D15). */
export function runViewerResponseFunctionStage(
  state: RequestState,
  association: CloudFrontFunctionAssociation,
  served: HttpResponse,
  xCacheToken: string,
  ageSeconds: number | undefined,
): EdgeResponse {
  try {
    const { response } = logged(state, association, () => runViewerResponseFunction(association.fn, callOf(state), state.request, served));
    return finishResponse(state, response, xCacheToken, ageSeconds);
  } catch (error) {
    // The function's error is the answer: a streamed body (and a cache fill riding on it) is dropped.
    discardBody(served);
    throw error;
  }
}
