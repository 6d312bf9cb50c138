import { headersFromRawHeaders, newRequestId, stripDisallowedHeaders } from '../event/index.js';
import type { CfRequest } from '../event/index.js';
import type { ViewerContext } from '../origin/index.js';
import { selectBehavior } from './select-behavior.js';
import { applyDefaultRootObject } from './viewer-checks.js';
import { startInspection } from './inspection.js';
import type { EdgeDeps, RequestState, ViewerRequest } from './types.js';

/** The state one viewer request carries through the edge (style.md: one state, module-level steps). */
export function createState(deps: EdgeDeps, viewer: ViewerRequest): RequestState {
  const { url } = viewer;
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const request: CfRequest = {
    clientIp: viewer.clientIp,
    // §3.2: disallowed headers never reach events or the origin.
    headers: stripDisallowedHeaders(headersFromRawHeaders(viewer.rawHeaders)),
    method: viewer.method,
    querystring: q === -1 ? '' : url.slice(q + 1),
    uri: applyDefaultRootObject(path, deps.distribution.defaultRootObject),
  };
  const state: RequestState = {
    deps,
    viewer,
    requestId: newRequestId(),
    now: Date.now(),
    startedAt: performance.now(),
    // §7.1: matched on the viewer's path before any function runs.
    behavior: selectBehavior(deps.distribution, request.uri),
    request,
    body: viewer.body,
    bodyStream: viewer.bodyStream,
    trace: { stages: [], xCache: '' },
    warnings: [],
    logLines: [],
  };
  if (deps.options.inspector !== undefined) startInspection(state);
  return state;
}

/** What the viewer connection tells the origin request and the §6.3 `CloudFront-*` values. */
export function viewerContext(state: RequestState): ViewerContext {
  const { viewer } = state;
  const context: ViewerContext = { requestId: state.requestId, httpVersion: viewer.httpVersion, https: viewer.https, port: viewer.clientPort, geo: state.deps.options.geo };
  if (viewer.tls !== undefined) context.tls = viewer.tls;
  return context;
}
