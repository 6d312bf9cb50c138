import {
  applyRequestResult,
  applyResponseResult,
  fromEdgeErrorRecord,
  requestEvent,
  responseEvent,
} from '../event/index.js';
import type {
  CfConfig,
  CfEvent,
  CfRequest,
  CfResponse,
  LambdaEventType,
  RequestStageOutcome,
  ResponseStageOutcome,
} from '../event/index.js';
import type { LambdaAssociation } from '../config/index.js';
import { logGroupName } from '../runtime/index.js';
import { logForRequest } from './request-log.js';
import type { RequestState } from './types.js';

function eventConfig(state: RequestState, eventType: LambdaEventType): CfConfig {
  const distribution = state.deps.distribution;
  return {
    distributionDomainName: distribution.domainName,
    distributionId: distribution.distributionId,
    eventType,
    requestId: state.requestId,
  };
}

async function invoke(state: RequestState, association: LambdaAssociation, event: CfEvent): Promise<unknown> {
  const started = performance.now();
  const outcome = await state.deps.runtime.invoke(association.fn, event);
  const durationMs = performance.now() - started;
  const group = logGroupName(association.fn);
  for (const line of outcome.logs) logForRequest(state, `${group} ${line}`);
  state.trace.stages.push(`${STAGE_LABEL[association.eventType]} ${durationMs.toFixed(1)}ms`);
  state.inspect?.functions.push({
    eventType: association.eventType,
    name: association.fn.name,
    durationMs,
    event,
    logs: outcome.logs,
    ...(outcome.ok ? { result: outcome.result } : { error: outcome.error }),
  });
  // §3.8: the function failed; later stages do not run (§2.2).
  if (!outcome.ok) throw fromEdgeErrorRecord(outcome.error);
  return outcome.result;
}

export const STAGE_LABEL: Record<LambdaEventType, string> = {
  'viewer-request': 'VReq',
  'origin-request': 'ORq',
  'origin-response': 'ORs',
  'viewer-response': 'VRs',
};

/** Run viewer-request or origin-request, validate and merge its result (§3). Throws EdgeError. */
export async function runRequestStage(
  state: RequestState,
  association: LambdaAssociation,
  request: CfRequest,
): Promise<RequestStageOutcome> {
  const eventType = association.eventType as 'viewer-request' | 'origin-request';
  const result = await invoke(state, association, requestEvent(eventConfig(state, eventType), request));
  const outcome = applyRequestResult(eventType, request, result);
  if (outcome.warnings.length) state.warnings.push(...outcome.warnings);
  return outcome;
}

/** Run origin-response or viewer-response, validate and merge its result (§3). Throws EdgeError. */
export async function runResponseStage(
  state: RequestState,
  association: LambdaAssociation,
  request: CfRequest,
  response: CfResponse,
): Promise<ResponseStageOutcome> {
  const eventType = association.eventType as 'origin-response' | 'viewer-response';
  const result = await invoke(state, association, responseEvent(eventConfig(state, eventType), request, response));
  const outcome = applyResponseResult(eventType, { request, response }, result);
  if (outcome.warnings.length) state.warnings.push(...outcome.warnings);
  return outcome;
}
