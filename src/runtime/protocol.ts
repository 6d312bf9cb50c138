/**
 * Messages between the server and an execution environment's process (reference §8), and their framing.
 * The bootstraps (environment.child.ts, python-bootstrap.py) may import nothing else from the project.
 *
 * Framing: one JSON document per line on file descriptor 3, a socket pair the server opens for each environment.
 * JSON.stringify never writes a raw newline, so a line is a message; Python reads it with `readline`.
 */
import type { Socket } from 'node:net';
import type { CfEvent } from '../event/types.js';

/** The environment's end of the message channel (stdin, stdout and stderr are the process's own). */
export const CHANNEL_FD = 3;

/** What one environment's Init needs: the Lambda context's values and the loader's paths (§8.3). */
export interface EnvironmentData {
  /** What the bootstrap loads: the handler module, or its esbuild bundle for `.ts`. */
  loadPath: string;
  /** The developer's file, for error texts. */
  sourcePath: string;
  exportName: string;
  /** `us-east-1.<name>` (D47). */
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  /** A string, as Lambda's Node.js context has it (D47). */
  memoryLimitInMB: string;
  logGroupName: string;
  logStreamName: string;
}

/**
 * Runs Init (§8.1). Always the first message: a process may have started ahead of need, with the function's
 * variables already (they are fixed when a process starts) but no code loaded (spare-processes.ts).
 */
export interface InitMessage {
  type: 'init';
  data: EnvironmentData;
}

export interface InvokeMessage {
  type: 'invoke';
  /** The event, spliced into the frame as JSON text by the server: one stringify here, one parse there (D48). */
  event: CfEvent;
  awsRequestId: string;
  /** Epoch ms at which the function timeout cuts the invocation (for getRemainingTimeInMillis). */
  deadline: number;
}
export interface ShutdownMessage {
  type: 'shutdown';
}
export type ToEnvironment = InitMessage | InvokeMessage | ShutdownMessage;

/** Init finished: the handler is loaded. */
export interface ReadyMessage {
  type: 'ready';
}
/** Init failed; the environment is unusable. */
export interface InitErrorMessage {
  type: 'init-error';
  /** Lambda's error type, e.g. `Runtime.ImportModuleError`. */
  errorType: string;
  /** Names the file, what is wrong and the fix. */
  detail: string;
}
/** One Lambda-format log line (§8.6), already formatted. */
export interface LogMessage {
  type: 'log';
  line: string;
}
/**
 * The handler's result after JSON serialisation (D48): the bootstrap splices its JSON text into the frame, so the
 * server's one parse of the frame completes the round trip.
 */
export interface ResultMessage {
  type: 'result';
  result: unknown;
  /** The process's resident set size now, in MB (§8.6 Max Memory Used). */
  memoryUsedMb: number;
  /**
   * The invocation's run time in the environment, ms (from the invoke message to this answer): what the handler
   * itself took, without the transport or the waits for a CPU that the server's Duration includes. The Python
   * bootstrap leaves it out.
   */
  runMs?: number;
}
/**
 * The handler threw, rejected or called back with an error (§8.4), its result was not JSON (D48), or the JSON was
 * over Lambda's response payload limit (then `errorMessage` gives its size).
 */
export interface FailureMessage {
  type: 'failure';
  reason: 'error' | 'not-parsable' | 'too-large';
  errorType: string;
  errorMessage: string;
  memoryUsedMb: number;
  /**
   * The invocation's run time in the environment, ms (from the invoke message to this answer): what the handler
   * itself took, without the transport or the waits for a CPU that the server's Duration includes. The Python
   * bootstrap leaves it out.
   */
  runMs?: number;
}
/** The environment is about to exit: uncaught exception or unhandled rejection (D25). */
export interface CrashMessage {
  type: 'crash';
  reason: string;
}
export type FromEnvironment = ReadyMessage | InitErrorMessage | LogMessage | ResultMessage | FailureMessage | CrashMessage;

// lambda:gettingstarted-limits: a synchronous invocation's response payload, as Lambda's error message counts it.
export const MAX_RESPONSE_PAYLOAD_BYTES = 6_291_556;

/** Calls `onMessage` with each message read from `socket`, in order. */
export function readFrames<T>(socket: Socket, onMessage: (message: T) => void): void {
  socket.setEncoding('utf8');
  let pending: string[] = [];
  socket.on('data', (chunk: string) => {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      let line = chunk.slice(start, end);
      if (pending.length > 0) {
        pending.push(line);
        line = pending.join('');
        pending = [];
      }
      start = end + 1;
      onMessage(JSON.parse(line) as T);
    }
    if (start < chunk.length) pending.push(chunk.slice(start));
  });
}
