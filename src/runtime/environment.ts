import { performance } from 'node:perf_hooks';
import type { CfEvent, EdgeErrorRecord } from '../event/index.js';
import { logGroupName, REPLICA_PREFIX } from './lambda-env.js';
import { initReportLine, runtimeExitLine, startLine, timeoutLine } from './log-format.js';
import { executionError, notParsableError, resultTooLargeError, timeoutError } from './outcome-errors.js';
import { residentSetMb } from './process-memory.js';
import { readFrames } from './protocol.js';
import { isPythonRuntime } from './python-interpreter.js';
import type { EnvironmentData, FromEnvironment, InitMessage, ToEnvironment } from './protocol.js';
import { appendLog, functionLabel, settleOutcome } from './settle-outcome.js';
import type { EnvironmentProcess } from './start-environment-process.js';
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
// §8.5: how often a running invocation's resident set is checked against the memory size.
const MEMORY_POLL_MS = 10;
// V8's last words when its heap cap (--max-old-space-size, the memory size) is reached.
const HEAP_EXHAUSTED = 'JavaScript heap out of memory';

/**
 * One execution environment: a process that runs Init once and then one invocation at a time (§8.1, D45), frozen
 * whenever it is idle, as Lambda freezes an environment between invocations: nothing the handler left running
 * (timers, sockets) runs until the next event. The Node.js bootstrap freezes itself (it waits in a blocking read
 * of its channel) and gets SIGSTOP once idle for a sweep period (threads the handler started stop then too); a
 * Python one gets SIGSTOP at once. SIGSTOP and SIGCONT at every invocation cost the server ~28 µs of its ~100 µs
 * per invocation: they wake each of a Node.js process's 11 threads.
 */
export class Environment {
  state: EnvironmentState = 'init';
  /** Retired by reload or idle timeout: finishes what it runs, takes nothing new. */
  retired = false;
  lastUsed = 0;
  /** How long Init took, once it succeeded. */
  initDurationMs = 0;
  /**
   * The last invocation's run time as the environment measured it (the timeout's budget for a timeout), or
   * undefined when it did not say (a crash, the Python bootstrap): the scale-out estimate's handler time.
   */
  handlerMs: number | undefined;
  readonly initialised: Promise<InitResult>;
  private readonly child: EnvironmentProcess['child'];
  private readonly channel: EnvironmentProcess['channel'];
  private frozen = false;
  private readonly freezesItself: boolean;
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
  private budgetMs = 0;
  private invokeTimer: NodeJS.Timeout | undefined;
  private resolveInvoke: ((outcome: InvokeOutcome) => void) | null = null;

  /**
   * Init starts now (§8.1): `process` has loaded no code yet, newly started or a spare started ahead of need
   * (spare-processes.ts); Init Duration counts from here.
   */
  constructor(
    readonly spec: FunctionSpec,
    loadPath: string,
    started: EnvironmentProcess,
    private readonly host: EnvironmentHost,
    initLimitMs: number,
    /** The first invocation's log: Init lines come before its START (§8.6). */
    logs: LogLine[],
    private readonly initPhase: 'init' | 'invoke' = 'init',
  ) {
    this.logs = logs;
    const data: EnvironmentData = {
      loadPath,
      sourcePath: spec.modulePath,
      exportName: spec.exportName,
      functionName: `${REPLICA_PREFIX}${spec.name}`,
      functionVersion: spec.version,
      invokedFunctionArn: spec.arn,
      memoryLimitInMB: String(spec.memorySize),
      logGroupName: logGroupName(spec),
      logStreamName: started.streamName,
    };
    this.initialised = new Promise((resolve) => {
      this.resolveInit = resolve;
    });
    this.freezesItself = !isPythonRuntime(spec.runtime);
    this.child = started.child;
    this.channel = started.channel;
    readFrames<FromEnvironment>(this.channel, (message) => this.onMessage(message));
    // A write to a process that just died; its 'close' tells the rest.
    this.channel.on('error', ignoreChannelError);
    this.child.on('error', (error) => (this.startupError ??= `could not start: ${error.message}`));
    this.child.stdout!.on('data', (chunk: Buffer) => this.onOutput(chunk));
    this.child.stderr!.on('data', (chunk: Buffer) => this.onOutput(chunk));
    this.exited = new Promise((resolve) => {
      // 'close', not 'exit': V8's out-of-memory message on stderr is read by then.
      this.child.once('close', (code, signal) => {
        this.onExit(code, signal);
        resolve();
      });
    });
    const init: InitMessage = { type: 'init', data };
    this.send(init);
    // §8.1: Init is limited (10 s; the retry under the function timeout has that limit instead).
    this.initTimer = setTimeout(onInitTimeout, initLimitMs, this);
  }

  /** Runs one invocation; the environment must be initialised and not busy. */
  run(event: CfEvent, awsRequestId: string, logs: LogLine[], budgetMs: number, logStart: boolean): Promise<InvokeOutcome> {
    // InvokeMessage, with the event's JSON spliced in: the one serialisation of it (D48).
    const frame = `{"type":"invoke","awsRequestId":"${awsRequestId}","deadline":${Date.now() + budgetMs},"event":${JSON.stringify(event)}}\n`;
    this.state = 'busy';
    this.handlerMs = undefined;
    this.logs = logs;
    this.awsRequestId = awsRequestId;
    if (logStart) appendLog(logs, this.host, startLine(awsRequestId, this.spec.version));
    this.thaw();
    this.startedAt = performance.now();
    this.budgetMs = budgetMs;
    this.invokeTimer = setTimeout(onInvokeTick, Math.min(budgetMs, MEMORY_POLL_MS), this);
    this.channel.write(frame);
    return new Promise((resolve) => {
      this.resolveInvoke = resolve;
    });
  }

  /** Back in the pool, waiting for work: frozen. */
  markIdle(now: number): void {
    this.state = 'idle';
    this.lastUsed = now;
    if (!this.freezesItself) this.freeze();
  }

  /** SIGSTOP, for an idle environment (the pool's sweep; at once for a runtime that does not freeze itself). */
  freeze(): void {
    if (this.frozen || this.state !== 'idle') return;
    this.child.kill('SIGSTOP');
    this.frozen = true;
  }

  private thaw(): void {
    if (!this.frozen) return;
    this.frozen = false;
    this.child.kill('SIGCONT');
  }

  private send(message: ToEnvironment): void {
    this.channel.write(`${JSON.stringify(message)}\n`);
  }

  /** D45: SIGTERM to the handler's listeners, 500 ms grace, then terminate. */
  async shutdown(graceMs: number = SHUTDOWN_GRACE_MS): Promise<void> {
    if (this.state === 'dead' || this.shuttingDown) return this.exited;
    this.shuttingDown = true;
    this.retired = true;
    this.thaw();
    this.send({ type: 'shutdown' });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.exited, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Ends the environment at once (timeout, failed Init). */
  kill(): void {
    if (this.state === 'dead') return;
    this.state = 'dead';
    clearTimeout(this.initTimer);
    this.host.environmentDied(this);
    this.child.kill('SIGKILL');
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

  /** While an invocation runs: the timeout (§8.5, D26), and the memory size against the whole process (§8.5, D25). */
  checkInvocation(): void {
    if (this.resolveInvoke === null) return;
    const elapsed = performance.now() - this.startedAt;
    if (elapsed >= this.budgetMs) {
      this.invokeTimedOut(elapsed);
      return;
    }
    const rss = residentSetMb(this.child.pid!);
    if (rss !== undefined && rss > this.memoryUsedMb) this.memoryUsedMb = rss;
    if (rss !== undefined && rss > this.spec.memorySize) {
      this.outOfMemory = true;
      this.memoryUsedMb = this.spec.memorySize;
      // The result comes from the exit ('close'), as for V8's own heap limit.
      this.kill();
      return;
    }
    this.invokeTimer = setTimeout(onInvokeTick, Math.min(this.budgetMs - elapsed, MEMORY_POLL_MS), this);
  }

  // §8.5 (D26): the invocation is cut at the function's timeout and the environment is reset.
  private invokeTimedOut(elapsed: number): void {
    appendLog(this.logs, this.host, timeoutLine(this.awsRequestId, elapsed));
    this.handlerMs = elapsed;
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

  private onMessage(message: FromEnvironment): void {
    switch (message.type) {
      case 'log':
        appendLog(this.logs, this.host, message.line);
        return;
      case 'result':
        if (this.resolveInvoke === null) return;
        if (message.memoryUsedMb > this.memoryUsedMb) this.memoryUsedMb = message.memoryUsedMb;
        this.handlerMs = message.runMs;
        // D48: the frame's parse was the second half of the round trip.
        this.settle(performance.now() - this.startedAt, undefined, message.result);
        return;
      case 'failure': {
        if (this.resolveInvoke === null) return;
        if (message.memoryUsedMb > this.memoryUsedMb) this.memoryUsedMb = message.memoryUsedMb;
        this.handlerMs = message.runMs;
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
        this.initDurationMs = performance.now() - this.createdAt;
        this.pendingInitDurationMs = this.initDurationMs;
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

  // Raw stdout/stderr writes (process.stdout.write, print, ...) are logged line by line, as Lambda captures them.
  private onOutput(chunk: Buffer): void {
    const text = chunk.toString('utf8');
    if (text.includes(HEAP_EXHAUSTED)) {
      this.outOfMemory = true;
      this.memoryUsedMb = this.spec.memorySize;
    }
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      if (end > start) appendLog(this.logs, this.host, text.slice(start, end));
      start = end + 1;
    }
    if (start < text.length) appendLog(this.logs, this.host, text.slice(start));
  }

  // D25: out of memory, process.exit, a signal, an uncaught exception or unhandled rejection end only this environment.
  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    const wasDead = this.state === 'dead';
    this.state = 'dead';
    clearTimeout(this.initTimer);
    if (!wasDead) this.host.environmentDied(this);
    const label = functionLabel(this.spec);
    const reason = this.outOfMemory
      ? `ran out of memory (memorySize ${this.spec.memorySize} MB)`
      : this.shuttingDown
        ? 'was shut down (SIGTERM) while running'
        : (this.crashReason ??
          this.startupError ??
          (signal === null ? `exited with code ${code} (process.exit)` : `was ended by signal ${signal}`));
    const errorType = this.outOfMemory ? 'Runtime.OutOfMemory' : 'Runtime.ExitError';
    if (this.resolveInit !== null) {
      appendLog(this.logs, this.host, initReportLine(performance.now() - this.createdAt, this.initPhase, 'error', errorType));
      this.finishInit({ ok: false, timedOut: false, errorType, detail: `${label} ${reason} during Init` });
      return;
    }
    if (this.resolveInvoke === null) return;
    const exitText = this.outOfMemory ? 'signal: killed' : signal === null ? `exit status ${code}` : `signal: ${SIGNAL_TEXT[signal] ?? signal}`;
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

function onInvokeTick(environment: Environment): void {
  environment.checkInvocation();
}

function ignoreChannelError(): void {}

// D25: how Lambda's runtime interface names the signal that ended the runtime process (Go's os.ProcessState).
const SIGNAL_TEXT: Partial<Record<NodeJS.Signals, string>> = {
  SIGKILL: 'killed',
  SIGTERM: 'terminated',
  SIGABRT: 'aborted',
  SIGSEGV: 'segmentation fault',
  SIGINT: 'interrupt',
};
