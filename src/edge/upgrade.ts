import type { Duplex } from 'node:stream';
import { OriginError, viaValue } from '../origin/index.js';
import type { UpgradedOrigin } from '../origin/index.js';
import { checkViewerRequest } from './viewer-checks.js';
import { checkViewerHost } from './viewer-host.js';
import { createState } from './request-state.js';
import { runRequestStage } from './run-stage.js';
import { prepareOriginRequest } from './fetch-from-origin.js';
import { originRouteOf } from './origin-route.js';
import { finishResponse, withCloudFrontServer } from './finish-response.js';
import { originErrorResponse } from './error-response.js';
import { done, failureResponse } from './pipeline.js';
import type { EdgeDeps, EdgeResponse, RequestState, ViewerRequest } from './types.js';
import { printRequestLines } from './request-log.js';

/** A WebSocket handshake's outcome: an ordinary answer, or the two connections to join. */
export type UpgradeResult =
  | { kind: 'response'; response: EdgeResponse }
  | { kind: 'upgraded'; head: string; socket: Duplex; originHead: Buffer };

/**
 * Issue 9 (dg:distribution-working-with.websockets; D52): a WebSocket handshake is an HTTP GET that CloudFront
 * routes like any other: host and viewer checks, the behavior's viewer-request and origin-request functions (which
 * may answer it themselves), never the cache; when the origin switches protocols, viewer and origin are joined and
 * no response function runs. AWS documents no trigger rule for the handshake: see docs/fidelity.md.
 */
export async function handleUpgradeRequest(deps: EdgeDeps, viewer: ViewerRequest): Promise<UpgradeResult> {
  const state = createState(deps, viewer);
  state.trace.stages.push('websocket');
  try {
    const early = checkViewerHost(state) ?? checkViewerRequest(state);
    if (early) return answer(state, finishResponse(state, early, early.status < 400 ? 'Redirect' : 'Error'));
    const viewerRequestFn = state.behavior.lambda['viewer-request'];
    if (viewerRequestFn) {
      const outcome = await runRequestStage(state, viewerRequestFn, state.request);
      if (outcome.kind === 'response') return answer(state, finishResponse(state, withCloudFrontServer(outcome.response), 'LambdaGeneratedResponse'));
      state.request = outcome.request;
    }
    const prepared = await prepareOriginRequest(state, state.behavior, originRouteOf(state, state.behavior).primary, state.request);
    if (prepared.kind === 'generated') return answer(state, finishResponse(state, withCloudFrontServer(prepared.response), 'LambdaGeneratedResponse'));
    const reply = await deps.origins.upgrade(prepared.request, state.requestId);
    if (!('socket' in reply)) return answer(state, finishResponse(state, reply, reply.status >= 400 ? 'Error' : 'Miss'));
    return joined(state, reply);
  } catch (error) {
    if (error instanceof OriginError) return answer(state, finishResponse(state, originErrorResponse(state, error), 'Error'));
    return answer(state, failureResponse(state, error));
  }
}

function answer(state: RequestState, response: EdgeResponse): UpgradeResult {
  return { kind: 'response', response: done(state, response) };
}

// The origin's 101 head, with the headers CloudFront adds to every response (§6.1) but no body framing.
function joined(state: RequestState, origin: UpgradedOrigin): UpgradeResult {
  const lines = [`HTTP/1.1 101 ${origin.statusDescription}`];
  for (let i = 0; i < origin.rawHeaders.length; i += 2) {
    const name = origin.rawHeaders[i]!;
    if (name.toLowerCase() !== 'via') lines.push(`${name}: ${origin.rawHeaders[i + 1]!}`);
  }
  lines.push(`Via: ${viaValue('1.1')}`, `X-Amz-Cf-Pop: ${state.deps.options.pop}`, `X-Amz-Cf-Id: ${state.requestId}`);
  state.trace.xCache = 'Miss from cloudfront';
  const { options } = state.deps;
  printRequestLines(state, options.logRequests ? `${state.viewer.method} ${state.viewer.url} 101 websocket joined` : undefined);
  return { kind: 'upgraded', head: `${lines.join('\r\n')}\r\n\r\n`, socket: origin.socket, originHead: origin.head };
}
