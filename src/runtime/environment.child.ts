/**
 * The Node.js bootstrap of one emulated Lambda execution environment (reference §8): Init, then one invocation at a
 * time. Runs as its own process, started with the function's Lambda variables only, in its package root (§8.2);
 * imports only the protocol (style.md). The process may start before it is needed (a spare): it waits for the init
 * message, which loads the handler.
 */
import { existsSync, readSync, writeSync } from 'node:fs';
import { format } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { CfEvent } from '../event/types.js';
import { CHANNEL_FD, MAX_RESPONSE_PAYLOAD_BYTES } from './protocol.js';
import type { EnvironmentData, FromEnvironment, InitMessage, InvokeMessage, ToEnvironment } from './protocol.js';

type Handler = (event: CfEvent, context: LambdaContext, callback: LambdaCallback) => unknown;
type LambdaCallback = (error?: unknown, result?: unknown) => void;

// CloudWatch Logs' largest event (256 KiB): a longer console line is cut here, before it crosses to the server.
const MAX_LOG_LINE = 262_144;
// Set by the init message, before any handler code runs.
let data: EnvironmentData;

// §8.6: lines logged during Init carry `undefined` as the request id, as Lambda's Node.js runtime prints them.
let awsRequestId = 'undefined';
let handler: Handler | undefined;
let pending = false;
let waitingForDrain = false;
let context: LambdaContext | undefined;
let callbackCalled = false;
let callbackError: unknown = null;
let callbackResult: unknown = null;
// When the current invocation started here (performance.now()): its run time is reported with its answer.
let invokedAt = 0;

/**
 * The channel is used with blocking reads and writes, no stream: between invocations the process waits in `read`,
 * so nothing the handler left running (timers, sockets, promises) runs until the next event. That is Lambda's freeze
 * (§8.1) at no cost per invocation; the server adds SIGSTOP for environments idle longer (environment.ts).
 */
function send(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(CHANNEL_FD, bytes, offset);
}

function post(message: FromEnvironment): void {
  send(`${JSON.stringify(message)}\n`);
}

const readBuffer = Buffer.allocUnsafe(65_536);
// Bytes read past the last whole message.
let unread: Buffer = Buffer.alloc(0);

/** Blocks until the next whole message; the process ends when the server closed the channel. */
function readMessage(): ToEnvironment {
  for (let searched = 0; ; ) {
    const end = unread.indexOf(10, searched);
    if (end !== -1) {
      const line = unread.toString('utf8', 0, end);
      unread = unread.subarray(end + 1);
      return JSON.parse(line) as ToEnvironment;
    }
    searched = unread.length;
    let count: number;
    try {
      count = readSync(CHANNEL_FD, readBuffer, 0, readBuffer.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN' || (error as NodeJS.ErrnoException).code === 'EINTR') continue;
      throw error;
    }
    // The server is gone (it closed the channel): nothing more will come.
    if (count === 0) process.exit(0);
    unread = unread.length === 0 ? Buffer.from(readBuffer.subarray(0, count)) : Buffer.concat([unread, readBuffer.subarray(0, count)]);
  }
}

/** Frozen until the next message, which then runs from the event loop (after any timers that came due meanwhile). */
function waitForMessage(): void {
  setImmediate(onMessage, readMessage());
}

/** How long the handler has had the invocation, as this process sees it (no transport, no wait for a CPU to read it). */
function runMs(): number {
  return Math.round((performance.now() - invokedAt) * 1000) / 1000;
}

// §8.5: Lambda counts the whole environment's memory, so the whole process's resident set, at its peak ("Max
// Memory Used"). getrusage's peak costs a quarter of reading the current RSS from /proc at every invocation.
function memoryUsedMb(): number {
  return Math.ceil(process.resourceUsage().maxRSS / 1024);
}

// §8.3: the Node.js context object, with edge-dev's values (D47).
class LambdaContext {
  callbackWaitsForEmptyEventLoop = true;
  readonly functionName = data.functionName;
  readonly functionVersion = data.functionVersion;
  readonly invokedFunctionArn = data.invokedFunctionArn;
  readonly memoryLimitInMB = data.memoryLimitInMB;
  readonly logGroupName = data.logGroupName;
  readonly logStreamName = data.logStreamName;
  readonly identity = undefined;
  readonly clientContext = undefined;
  readonly #deadline: number;
  constructor(
    readonly awsRequestId: string,
    deadline: number,
  ) {
    this.#deadline = deadline;
  }
  getRemainingTimeInMillis(): number {
    return Math.max(0, this.#deadline - Date.now());
  }
  // Lambda's Node.js runtime still offers the legacy completion methods.
  done(error?: unknown, result?: unknown): void {
    lambdaCallback(error, result);
  }
  succeed(result?: unknown): void {
    lambdaCallback(null, result);
  }
  fail(error?: unknown): void {
    lambdaCallback(error ?? 'handled');
  }
}

// §8.6: `<ISO time>\t<request id>\t<LEVEL>\t<message>`, util.format semantics, one entry per call.
function logLine(level: string, text: string): void {
  const cut = text.length > MAX_LOG_LINE ? `${text.slice(0, MAX_LOG_LINE)}… [edge-dev: line of ${text.length} characters cut at ${MAX_LOG_LINE}]` : text;
  post({ type: 'log', line: `${new Date().toISOString()}\t${awsRequestId}\t${level}\t${cut}` });
}
console.log = (...args: unknown[]) => logLine('INFO', format(...args));
console.info = (...args: unknown[]) => logLine('INFO', format(...args));
console.warn = (...args: unknown[]) => logLine('WARN', format(...args));
console.error = (...args: unknown[]) => logLine('ERROR', format(...args));
console.debug = (...args: unknown[]) => logLine('DEBUG', format(...args));
console.trace = function trace(...args: unknown[]) {
  const holder = { name: 'Trace', message: format(...args), stack: '' };
  Error.captureStackTrace(holder, trace);
  logLine('TRACE', holder.stack);
};

// D49: the JSON Lambda's Node.js runtime prints for an error.
function errorJson(errorType: string, error: unknown): string {
  if (error instanceof Error) {
    return JSON.stringify({
      errorType,
      errorMessage: error.message,
      stack: (error.stack ?? '').split('\n'),
    });
  }
  return JSON.stringify({ errorType, errorMessage: String(error), stack: [] });
}

function errorType(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

// D25: an uncaught exception or unhandled rejection ends this environment (Lambda's runtime exits 129 / 128).
function crash(label: string, type: string, error: unknown, exitCode: number): void {
  logLine('ERROR', `${label} \t${errorJson(type, error)}`);
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  post({ type: 'crash', reason: `${label.toLowerCase()}: ${message}` });
  process.exit(exitCode);
}
process.on('uncaughtException', (error) => crash('Uncaught Exception', errorType(error), error, 129));
process.on('unhandledRejection', (reason) =>
  crash('Unhandled Promise Rejection', 'Runtime.UnhandledPromiseRejection', reason, 128),
);

function succeed(result: unknown): void {
  if (!pending) return;
  pending = false;
  endDrainWait();
  let json: string | undefined;
  try {
    // §8.4 (D48): CloudFront sees the result after JSON serialisation; undefined becomes null. The server parses.
    json = JSON.stringify(result);
  } catch (error) {
    post({
      type: 'failure',
      reason: 'not-parsable',
      errorType: errorType(error),
      errorMessage: error instanceof Error ? error.message : String(error),
      memoryUsedMb: memoryUsedMb(),
      runMs: runMs(),
    });
    process.nextTick(waitForMessage);
    return;
  }
  // Issue 15: a result over Lambda's limit never crosses to the server, whose copy of it could exhaust memory.
  // `length` first: measuring UTF-8 flattens the string, which for a huge one is itself an allocation V8 may not survive.
  if (json !== undefined && (json.length > MAX_RESPONSE_PAYLOAD_BYTES || Buffer.byteLength(json) > MAX_RESPONSE_PAYLOAD_BYTES)) {
    const errorMessage = `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_PAYLOAD_BYTES} bytes)`;
    post({
      type: 'failure',
      reason: 'too-large',
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage,
      memoryUsedMb: memoryUsedMb(),
      runMs: runMs(),
    });
    process.nextTick(waitForMessage);
    return;
  }
  send(`{"type":"result","memoryUsedMb":${memoryUsedMb()},"runMs":${runMs()},"result":${json ?? 'null'}}\n`);
  // After the handler's synchronous code (a callback may be followed by more), not in the middle of it.
  process.nextTick(waitForMessage);
}

// §8.1: a thrown error is an execution error but does not reset the environment.
function fail(error: unknown): void {
  if (!pending) return;
  pending = false;
  endDrainWait();
  const type = errorType(error);
  logLine('ERROR', `Invoke Error \t${errorJson(type, error)}`);
  post({
    type: 'failure',
    reason: 'error',
    errorType: type,
    errorMessage: error instanceof Error ? error.message : String(error),
    memoryUsedMb: memoryUsedMb(),
    runMs: runMs(),
  });
  process.nextTick(waitForMessage);
}

// §8.4: with callbackWaitsForEmptyEventLoop the invocation ends when the event loop is empty.
function lambdaCallback(error?: unknown, result?: unknown): void {
  if (!pending || callbackCalled) return;
  callbackCalled = true;
  const failed = error !== undefined && error !== null;
  if (context !== undefined && !context.callbackWaitsForEmptyEventLoop) {
    if (failed) fail(error);
    else succeed(result);
    return;
  }
  if (failed) callbackError = error;
  else callbackResult = result;
}

// The bootstrap keeps nothing open (the channel is read synchronously), so 'beforeExit' marks the empty event loop
// of an invocation, as in Lambda's Node.js runtime.
function waitForDrain(): void {
  waitingForDrain = true;
}

function endDrainWait(): void {
  waitingForDrain = false;
}

process.on('beforeExit', () => {
  if (!waitingForDrain) return;
  endDrainWait();
  if (callbackError !== null) fail(callbackError);
  // §8.4: no callback (or a promise that can never settle) and nothing left to run: the result is null.
  else succeed(callbackResult);
});

function invoke(message: InvokeMessage): void {
  invokedAt = performance.now();
  awsRequestId = message.awsRequestId;
  context = new LambdaContext(message.awsRequestId, message.deadline);
  pending = true;
  callbackCalled = false;
  callbackError = null;
  callbackResult = null;
  waitForDrain();
  let returned: unknown;
  try {
    returned = handler!(message.event, context, lambdaCallback);
  } catch (error) {
    fail(error);
    return;
  }
  // §8.4: a returned promise decides the result; otherwise the callback or the drained loop does.
  if (
    pending &&
    !callbackCalled &&
    returned !== null &&
    (typeof returned === 'object' || typeof returned === 'function') &&
    typeof (returned as PromiseLike<unknown>).then === 'function'
  ) {
    (returned as PromiseLike<unknown>).then(succeed, fail);
  }
}

function onMessage(message: ToEnvironment): void {
  if (message.type === 'invoke') invoke(message);
  else if (message.type === 'init') void init(message).then(waitForMessage);
  else shutdown();
}

// D45: Shutdown delivers SIGTERM to the handler's listeners; the server kills the process after the grace period,
// unless nothing the handler started keeps it alive before. No more messages are read.
function shutdown(): void {
  if (handler !== undefined) process.emit('SIGTERM', 'SIGTERM');
}

function describeExports(namespace: Record<string, unknown>): string {
  const names = Object.keys(namespace);
  return names.length === 0 ? 'none' : names.join(', ');
}

// §8.1 Init: load the module and find the handler; failures name the file and the fix.
async function init(message: InitMessage): Promise<void> {
  data = message.data;
  const file = data.sourcePath;
  let namespace: Record<string, unknown>;
  if (!existsSync(data.loadPath)) {
    const error = new Error(`Cannot find module '${file}'`);
    logLine('ERROR', `Uncaught Exception \t${errorJson('Runtime.ImportModuleError', error)}`);
    post({
      type: 'init-error',
      errorType: 'Runtime.ImportModuleError',
      detail: `${file} could not be loaded: the file does not exist. Check the handler path in the functions entry.`,
    });
    return;
  }
  try {
    namespace = (await import(pathToFileURL(data.loadPath).href)) as Record<string, unknown>;
  } catch (error) {
    post(importFailure(file, error));
    return;
  }
  let candidate = namespace[data.exportName];
  const fallback = namespace.default as Record<string, unknown> | undefined;
  if (candidate === undefined && fallback !== null && typeof fallback === 'object') {
    candidate = fallback[data.exportName];
  }
  if (typeof candidate !== 'function') {
    const what =
      candidate === undefined
        ? `has no export "${data.exportName}" (exports: ${describeExports(namespace)})`
        : `exports "${data.exportName}" as a ${typeof candidate}, not a function`;
    post({
      type: 'init-error',
      errorType: 'Runtime.HandlerNotFound',
      detail: `${file} ${what}. Export the handler function under that name, or name the export in the functions entry ("path#exportName").`,
    });
    return;
  }
  handler = candidate as Handler;
  post({ type: 'ready' });
}

// An AWS SDK v3 package the handler imports: Lambda's Node.js runtime provides them, edge-dev does not.
const AWS_SDK_PACKAGE = /Cannot find (?:package|module) '(@aws-sdk\/[^/']+)/;

function importFailure(file: string, error: unknown): FromEnvironment {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
    logLine('ERROR', `Uncaught Exception \t${errorJson('Runtime.ImportModuleError', error)}`);
    const sdk = AWS_SDK_PACKAGE.exec(message)?.[1];
    if (sdk !== undefined) {
      return {
        type: 'init-error',
        errorType: 'Runtime.ImportModuleError',
        detail:
          `${file} imports ${sdk}, which is not installed where the handler can resolve it. Lambda's Node.js runtime ` +
          `includes AWS SDK v3; for local runs install it in the function's project: npm install --save-dev ${sdk}`,
      };
    }
    return {
      type: 'init-error',
      errorType: 'Runtime.ImportModuleError',
      detail: `${file} could not be loaded: ${message}. Check the handler path in the functions entry and the module's imports.`,
    };
  }
  if (error instanceof SyntaxError) {
    const stack = error.stack ?? '';
    const location = stack.startsWith('file://') || stack.startsWith('/') ? ` at ${stack.slice(0, stack.indexOf('\n'))}` : '';
    logLine('ERROR', `Uncaught Exception \t${errorJson('Runtime.UserCodeSyntaxError', error)}`);
    return {
      type: 'init-error',
      errorType: 'Runtime.UserCodeSyntaxError',
      detail: `${file} has a syntax error${location}: ${message}. Fix the code (or the package.json "type" if it is ESM/CommonJS mixed up).`,
    };
  }
  const type = errorType(error);
  logLine('ERROR', `Uncaught Exception \t${errorJson(type, error)}`);
  return {
    type: 'init-error',
    errorType: type,
    detail: `${file} threw during Init (module top-level code): ${type}: ${message}.`,
  };
}

// A spare waits here, frozen, for its init message.
waitForMessage();
