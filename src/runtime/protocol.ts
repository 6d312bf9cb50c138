/**
 * Messages between the main thread and an execution environment's worker (reference §8).
 * Types only: the worker entry may import nothing else from the project.
 */
/** What one environment's Init needs: the Lambda context's values and the loader's paths (§8.3). */
export interface EnvironmentData {
  /** What the worker imports: the handler module, or its esbuild bundle for `.ts`. */
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
 * Binds a started worker to one function and runs its Init (§8.1). Always the first message: a worker may have
 * started ahead of need, before any function was known (spare-workers.ts).
 */
export interface InitMessage {
  type: 'init';
  data: EnvironmentData;
  /** §8.2 (D46): the handler's whole `process.env`. */
  env: Record<string, string>;
}

export interface InvokeMessage {
  type: 'invoke';
  /**
   * The event as JSON text, as Lambda hands it to the runtime: a string crosses threads as one copy, where a
   * structured clone of the object costs about twice a JSON.stringify on the sending thread and again on the other.
   */
  eventJson: string;
  awsRequestId: string;
  /** Epoch ms at which the function timeout cuts the invocation (for getRemainingTimeInMillis). */
  deadline: number;
}
export interface ShutdownMessage {
  type: 'shutdown';
}
export type ToWorker = InitMessage | InvokeMessage | ShutdownMessage;

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
/** The handler's result serialised (D48); the main thread parses it, which completes the round trip. */
export interface ResultMessage {
  type: 'result';
  /** `JSON.stringify(result)`, or `null` when that gives nothing (undefined, a function). */
  json: string;
  memoryUsedMb: number;
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
}
/** The environment is about to exit: uncaught exception or unhandled rejection (D25). */
export interface CrashMessage {
  type: 'crash';
  reason: string;
}
export type FromWorker = ReadyMessage | InitErrorMessage | LogMessage | ResultMessage | FailureMessage | CrashMessage;
