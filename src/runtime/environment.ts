import { performance } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';
import type { CfEvent, EdgeErrorRecord } from '../event/index.js';
import { lambdaEnvironment, logGroupName, logStreamName, REPLICA_PREFIX } from './lambda-env.js';
import { initReportLine, runtimeExitLine, startLine, timeoutLine } from './log-format.js';
import { executionError, notParsableError, resultTooLargeError, timeoutError } from './outcome-errors.js';
import type { EnvironmentData, FromWorker, InitMessage, InvokeMessage } from './protocol.js';
import { appendLog, functionLabel, settleOutcome } from './settle-outcome.js';
import type { LogSink } from './settle-outcome.js';
import type { FunctionSpec, InvokeOutcome, LogLine } from './types.js';

/** How Init ended (§8.1). */
export interface InitResult {
  ok: boolean;
  timedOut: boolean;
  errorType: string;
  detail: string;
}

/** What an environment tells its pool. */
export interface EnvironmentHost extends LogSink {
  environmentDied(environment: Environment): void;
}

export type EnvironmentState = 'init' | 'idle' | 'busy' | 'dead';

const INIT_OK: InitResult = { ok: true, timedOut: false, errorType: '', detail: '' };
// D45: SIGTERM, then this long before the environment is terminated.
export const SHUTDOWN_GRACE_MS = 500;

/** One execution environment: a worker thread that runs Init once and then one invocation at a time (§8.1, D45). */
export class Environment {
  state: EnvironmentState = 'init';
  /** Retired by reload or idle timeout: finishes what it runs, takes nothing new. */
  retired = false;
  lastUsed = 0;
  readonly initialised: Promise<InitResult>;
  private readonly worker: Worker;
  private readonly createdAt = performance.now();
  private readonly exited: Promise<void>;
  private resolveInit: ((result: InitResult) => void) | null = null;
  private initTimer: NodeJS.Timeout | undefined;
  /** Reported on the first invocation only (§8.6). */
  private pendingInitDurationMs: number | undefined;
  private memoryUsedMb = 0;
  private crashReason: string | undefined;
  private outOfMemory = false;
  private shuttingDown = false;
  private startupError: string | undefined;
  // The invocation in progress.
  private logs: LogLine[] | null;
  private awsRequestId = '';
  private startedAt = 0;
  private invokeTimer: NodeJS.Timeout | undefined;
  private resolveInvoke: ((outcome: InvokeOutcome) => void) | null = null;

  /**
   * Init starts now (§8.1): `worker` is a thread bound to no function yet, newly started or a spare started ahead
   * of need (spare-workers.ts); Init Duration counts from here.
   */
  constructor(
    readonly spec: FunctionSpec,
    loadPath: string,
    worker: Worker,
    private readonly host: EnvironmentHost,
    initLimitMs: number,
    /** The first invocation's log: Init lines come before its START (§8.6). */
    logs: LogLine[],
    private readonly initPhase: 'init' | 'invoke' = 'init',
  ) {
    this.logs = logs;
    const streamName = logStreamName(spec.version);
    const data: EnvironmentData = {
      loadPath,
      sourcePath: spec.modulePath,
      exportName: spec.exportName,
      functionName: `${REPLICA_PREFIX}${spec.name}`,
      functionVersion: spec.version,
      invokedFunctionArn: spec.arn,
      memoryLimitInMB: String(spec.memorySize),
      logGroupName: logGroupName(spec),
      logStreamName: streamName,
    };
    this.initialised = new Promise((resolve) => {
      this.resolveInit = resolve;
    });
    this.worker = worker;
    this.worker.on('message', (message: FromWorker) => this.onMessage(message));
    this.worker.on('error', (error: Error & { code?: string }) => this.onError(error));
    this.worker.stdout.on('data', (chunk: Buffer) => this.onOutput(chunk));
    this.worker.stderr.on('data', (chunk: Buffer) => this.onOutput(chunk));
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', (code) => {
        this.onExit(code);
        resolve();
      });
    });
    // §8.2 (D46): the handler sees Lambda's variables only.
    const init: InitMessage = { type: 'init', data, env: lambdaEnvironment(spec, streamName) };
    this.worker.postMessage(init);
    // §8.1: Init is limited (10 s; the retry under the function timeout has that limit instead).
    this.initTimer = setTimeout(onInitTimeout, initLimitMs, this);
  }

  /** Runs one invocation; the environment must be initialised and not busy. */
  run(event: CfEvent, awsRequestId: string, logs: LogLine[], budgetMs: number, logStart: boolean): Promise<InvokeOutcome> {
    const eventJson = JSON.stringify(event);
    this.state = 'busy';
    this.worker.ref();
    this.logs = logs;
    this.awsRequestId = awsRequestId;
    if (logStart) appendLog(logs, this.host, startLine(awsRequestId, this.spec.version));
    const message: InvokeMessage = { type: 'invoke', eventJson, awsRequestId, deadline: Date.now() + budgetMs };
    this.startedAt = performance.now();
    this.invokeTimer = setTimeout(onInvokeTimeout, budgetMs, this);
    this.worker.postMessage(message);
    return new Promise((resolve) => {
      this.resolveInvoke = resolve;
    });
  }

  /** Back in the pool, waiting for work; an idle environment does not keep the process alive. */
  markIdle(now: number): void {
    this.state = 'idle';
    this.lastUsed = now;
    this.worker.unref();
  }

  /** D45: SIGTERM to the handler's listeners, 500 ms grace, then terminate. */
  async shutdown(graceMs: number = SHUTDOWN_GRACE_MS): Promise<void> {
    if (this.state === 'dead' || this.shuttingDown) return this.exited;
    this.shuttingDown = true;
    this.retired = true;
    this.worker.ref();
    this.worker.postMessage({ type: 'shutdown' });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.exited, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
    await this.worker.terminate();
    await this.exited;
  }

  /** Ends the environment at once (timeout, failed Init). */
  kill(): void {
    if (this.state === 'dead') return;
    this.state = 'dead';
    clearTimeout(this.initTimer);
    this.host.environmentDied(this);
    void this.worker.terminate();
  }

  initTimedOut(): void {
    if (this.state !== 'init') return;
    const elapsed = performance.now() - this.createdAt;
    appendLog(this.logs, this.host, initReportLine(elapsed, this.initPhase, 'timeout'));
    this.kill();
    this.finishInit({
      ok: false,
      timedOut: true,
      errorType: 'Sandbox.Timedout',
      detail: `${functionLabel(this.spec)} did not finish Init within ${Math.round(elapsed)} ms`,
    });
  }

  // §8.5 (D26): the invocation is cut at the function's timeout and the environment is reset.
  invokeTimedOut(): void {
    if (this.resolveInvoke === null) return;
    const elapsed = performance.now() - this.startedAt;
    appendLog(this.logs, this.host, timeoutLine(this.awsRequestId, elapsed));
    this.kill();
    this.settle(elapsed, timeoutError(functionLabel(this.spec), this.spec.timeout), null, 'timeout');
  }

  private finishInit(result: InitResult): void {
    clearTimeout(this.initTimer);
    const resolve = this.resolveInit;
    this.resolveInit = null;
    resolve?.(result);
  }

  /** Init Duration, once: the first invocation of a cold environment reports it (§8.6). */
  takeInitDuration(): number | undefined {
    const value = this.pendingInitDurationMs;
    this.pendingInitDurationMs = undefined;
    return value;
  }

  private settle(durationMs: number, error: EdgeErrorRecord | undefined, result: unknown, status?: string): void {
    clearTimeout(this.invokeTimer);
    const resolve = this.resolveInvoke!;
    const logs = this.logs!;
    this.resolveInvoke = null;
    this.logs = null;
    resolve(
      settleOutcome(
        this.spec,
        this.host,
        logs,
        this.awsRequestId,
        durationMs,
        this.memoryUsedMb,
        this.takeInitDuration(),
        error,
        result,
        status,
      ),
    );
  }

  private onMessage(message: FromWorker): void {
    switch (message.type) {
      case 'log':
        appendLog(this.logs, this.host, message.line);
        return;
      case 'result':
        if (this.resolveInvoke === null) return;
        if (message.memoryUsedMb > this.memoryUsedMb) this.memoryUsedMb = message.memoryUsedMb;
        // D48: the second half of the round trip.
        this.settle(performance.now() - this.startedAt, undefined, JSON.parse(message.json));
        return;
      case 'failure': {
        if (this.resolveInvoke === null) return;
        if (message.memoryUsedMb > this.memoryUsedMb) this.memoryUsedMb = message.memoryUsedMb;
        const label = functionLabel(this.spec);
        const error =
          message.reason === 'not-parsable'
            ? notParsableError(label, message.errorMessage)
            : message.reason === 'too-large'
              ? resultTooLargeError(label, message.errorMessage)
              : executionError(`${label} failed: ${message.errorType}: ${message.errorMessage}`);
        this.settle(performance.now() - this.startedAt, error, null, message.reason === 'error' ? 'error' : undefined);
        return;
      }
      case 'ready':
        if (this.state !== 'init') return;
        this.state = 'idle';
        this.pendingInitDurationMs = performance.now() - this.createdAt;
        this.finishInit(INIT_OK);
        return;
      case 'init-error': {
        const elapsed = performance.now() - this.createdAt;
        appendLog(this.logs, this.host, initReportLine(elapsed, this.initPhase, 'error', message.errorType));
        this.kill();
        this.finishInit({ ok: false, timedOut: false, errorType: message.errorType, detail: message.detail });
        return;
      }
      case 'crash':
        this.crashReason = message.reason;
        return;
    }
  }

  // Raw stdout/stderr writes (process.stdout.write, console.dir, ...) are logged line by line, as Lambda captures them.
  private onOutput(chunk: Buffer): void {
    const text = chunk.toString('utf8');
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      if (end > start) appendLog(this.logs, this.host, text.slice(start, end));
      start = end + 1;
    }
    if (start < text.length) appendLog(this.logs, this.host, text.slice(start));
  }

  private onError(error: Error & { code?: string }): void {
    if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      this.outOfMemory = true;
      this.memoryUsedMb = this.spec.memorySize;
    }
    else this.startupError ??= `${error.name}: ${error.message}`;
  }

  // D25: out of memory, process.exit, an uncaught exception or unhandled rejection end only this environment.
  private onExit(code: number): void {
    const wasDead = this.state === 'dead';
    this.state = 'dead';
    clearTimeout(this.initTimer);
    if (!wasDead) this.host.environmentDied(this);
    const label = functionLabel(this.spec);
    const reason = this.outOfMemory
      ? `ran out of memory (memorySize ${this.spec.memorySize} MB)`
      : this.shuttingDown
        ? 'was shut down (SIGTERM) while running'
        : (this.crashReason ?? this.startupError ?? `exited with code ${code} (process.exit)`);
    const errorType = this.outOfMemory ? 'Runtime.OutOfMemory' : 'Runtime.ExitError';
    if (this.resolveInit !== null) {
      appendLog(this.logs, this.host, initReportLine(performance.now() - this.createdAt, this.initPhase, 'error', errorType));
      this.finishInit({ ok: false, timedOut: false, errorType, detail: `${label} ${reason} during Init` });
      return;
    }
    if (this.resolveInvoke === null) return;
    const exitText = this.outOfMemory ? 'signal: killed' : `exit status ${code}`;
    appendLog(this.logs, this.host, runtimeExitLine(this.awsRequestId, exitText, errorType));
    this.settle(
      performance.now() - this.startedAt,
      executionError(`${label} ${reason}; the environment was reset`),
      null,
      `error\tError Type: ${errorType}`,
    );
  }
}

function onInitTimeout(environment: Environment): void {
  environment.initTimedOut();
}

function onInvokeTimeout(environment: Environment): void {
  environment.invokeTimedOut();
}
