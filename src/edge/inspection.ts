import type { CfEvent, CfHeaders, EdgeErrorRecord } from '../event/index.js';
import type { RequestState } from './types.js';

/** One function run, as the inspector shows it: the event given, what came back, the logs. */
export interface InspectedFunction {
  eventType: string;
  name: string;
  durationMs: number;
  event: CfEvent;
  result?: unknown;
  error?: EdgeErrorRecord;
  logs: string[];
}

/** Issue 12: what the request inspector keeps of one request. */
export interface InspectedRequest {
  requestId: string;
  /** Epoch milliseconds (formatted by the page, not on the request path). */
  time: number;
  method: string;
  url: string;
  host?: string;
  behavior: string;
  status?: number;
  xCache?: string;
  stages: string[];
  warnings: string[];
  functions: InspectedFunction[];
  cache?: { key?: string; decision?: string };
  origin?: { request: { method: string; uri: string; querystring: string; headers: CfHeaders }; status?: number; headers?: CfHeaders };
  error?: EdgeErrorRecord;
  firstByteMs?: number;
  bytes?: number;
}

/** Where finished records go (the control API's ring); absent, nothing is recorded and nothing costs. */
export interface InspectorSink {
  add(record: InspectedRequest): void;
}

export function startInspection(state: RequestState): void {
  const { viewer, behavior } = state;
  state.inspect = {
    requestId: state.requestId,
    time: state.now,
    method: viewer.method,
    url: viewer.url,
    host: state.request.headers.host?.[0]?.value,
    behavior: behavior.pathPattern,
    stages: state.trace.stages,
    warnings: state.warnings,
    functions: [],
  };
}
