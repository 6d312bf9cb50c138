import type { ViewerEventType } from '../event/types.js';
import type { OriginChange } from './types.js';

/** dg:general-helper-methods: `cf.edgeLocation`. */
export interface EdgeLocation {
  name: string;
  serverIp: string;
  region: string;
}

/** What the host side of a function's context tracks during one run (runs never overlap: they are synchronous). */
export interface RunState {
  eventType: ViewerEventType;
  /** The run's start (dg:functions-javascript-runtime-10 "Date and timestamps": Date is frozen to it). */
  startedAt: number;
  logs: string[];
  logBytes: number;
  /** Calls of the origin helpers, in order. */
  originChanges: OriginChange[];
  edgeLocation: EdgeLocation;
  /** performance.now() past which the compute check stops the run (FunctionThrottledError). */
  deadline: number;
  throttled: boolean;
  /** V8's used heap when the run started; growth past MEMORY_LIMIT_BYTES fails the run (D57). */
  heapAtStart: number;
  outOfMemory: boolean;
}

export function newRunState(eventType: ViewerEventType, edgeLocation: EdgeLocation): RunState {
  return { eventType, startedAt: Date.now(), logs: [], logBytes: 0, originChanges: [], edgeLocation, deadline: 0, throttled: false, heapAtStart: 0, outOfMemory: false };
}
