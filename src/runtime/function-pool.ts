import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { CfEvent } from '../event/index.js';
import { bundleTypeScript, isTypeScript, LoadFailure } from './bundle-typescript.js';
import { Environment } from './environment.js';
import type { EnvironmentHost } from './environment.js';
import { initReportLine, startLine, timeoutLine } from './log-format.js';
import { executionError, throttledError, timeoutError } from './outcome-errors.js';
import { appendLog, functionLabel, settleOutcome } from './settle-outcome.js';
import { ScaleOut } from './scale-out.js';
import { refillSpareProcesses, takeEnvironmentProcess } from './spare-processes.js';
import { startEnvironmentProcess } from './start-environment-process.js';
import type { FunctionSpec, InvokeOutcome, LogLine, RuntimeOptions } from './types.js';

/** What every pool of one runtime shares. */
export interface PoolSettings {
  maxEnvironmentsPerFunction: number;
  initTimeoutMs: number;
  bootstrapUrl: URL;
  /** Cold starts take a spare process started ahead of need, and start the next one (spare-processes.ts). */
  spareProcesses: boolean;
  /** Set when the compiled bootstrap is missing: every invocation fails with this text. */
  bootstrapProblem: string | undefined;
  onLog: RuntimeOptions['onLog'];
  /** Called whenever an environment starts (the runtime arms its idle sweep). */
  environmentStarted(): void;
}

/** A waiter is handed a free environment, leave to start one, or told the runtime shut down. */
type Grant = Environment | 'spawn' | 'closed';

interface Waiter {
  grant(grant: Grant): void;
  since: number;
}

/** The environments of one function version (§8.1, D45): warm ones reused, new ones up to a cap, the rest queue. */
export class FunctionPool implements EnvironmentHost {
  /** Live environments that still take work (retired ones are not counted). */
  readonly live = new Set<Environment>();
  private readonly idle: Environment[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly retiring = new Set<Promise<void>>();
  /** Retired by a reload while busy: shut down when their invocation ends. */
  private readonly draining = new Set<Environment>();
  private readonly cap: number;
  private readonly timeoutMs: number;
  /** Capacity promised to cold starts that have not created their environment yet. */
  private reserved = 0;
  /** Environments created and still in Init. */
  private initialising = 0;
  private inFlight = 0;
  private readonly scaleOut = new ScaleOut();
  /** Armed while invocations wait and none finishes: see checkWaiters. */
  private waitTimer: NodeJS.Timeout | undefined;
  /** When an invocation last finished (performance.now()). */
  private lastFinishedAt = 0;
  private loadPath: string | undefined;

  constructor(
    readonly spec: FunctionSpec,
    private readonly settings: PoolSettings,
  ) {
    this.cap = spec.concurrency ?? settings.maxEnvironmentsPerFunction;
    this.timeoutMs = spec.timeout * 1000;
    if (!isTypeScript(spec.modulePath)) this.loadPath = spec.modulePath;
  }

  emit(line: LogLine, inInvocation: boolean): void {
    this.settings.onLog?.(this.spec, line, inInvocation);
  }

  environmentDied(environment: Environment): void {
    this.live.delete(environment);
    const at = this.idle.indexOf(environment);
    if (at !== -1) this.idle.splice(at, 1);
  }

  async invoke(event: CfEvent): Promise<InvokeOutcome> {
    const awsRequestId = randomUUID();
    const concurrency = this.spec.concurrency;
    // §3.8 (D23): opt-in throttle: one invocation beyond the cap fails at once.
    if (concurrency !== undefined && this.inFlight >= concurrency) {
      return { ok: false, error: throttledError(functionLabel(this.spec), concurrency), logs: [], durationMs: 0, awsRequestId };
    }
    this.inFlight++;
    try {
      const warm = this.idle.pop();
      if (warm !== undefined) return await this.runWarm(warm, event, awsRequestId);
      const working = this.live.size + this.reserved;
      if (working < this.cap && this.scaleOut.shouldStart(working, this.waiters.length, this.reserved + this.initialising)) {
        this.reserved++;
        return await this.runCold(event, awsRequestId);
      }
      const grant = await this.waitForEnvironment();
      if (grant === 'closed') {
        return { ok: false, error: executionError('the runtime was shut down while the invocation waited'), logs: [], durationMs: 0, awsRequestId };
      }
      return grant === 'spawn' ? await this.runCold(event, awsRequestId) : await this.runWarm(grant, event, awsRequestId);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, error: executionError(`${functionLabel(this.spec)}: ${reason}`), logs: [], durationMs: 0, awsRequestId };
    } finally {
      this.inFlight--;
    }
  }

  private async runWarm(environment: Environment, event: CfEvent, awsRequestId: string): Promise<InvokeOutcome> {
    const outcome = await environment.run(event, awsRequestId, [], this.timeoutMs, true);
    this.scaleOut.recordRun(outcome.durationMs, environment.handlerMs);
    this.release(environment);
    return outcome;
  }

  private waitForEnvironment(): Promise<Grant> {
    if (this.waitTimer === undefined && this.live.size + this.reserved < this.cap) this.armWaitTimer();
    return new Promise<Grant>((grant) => this.waiters.push({ grant, since: performance.now() }));
  }

  private armWaitTimer(waitedMs = 0): void {
    this.waitTimer = setTimeout(onWaitTimer, this.scaleOut.coldStartMs - waitedMs, this);
    // The waiting invocations keep the process alive, not this.
    this.waitTimer.unref();
  }

  /**
   * Invocations wait and none has finished for longer than a cold start costs (the environments are stuck in long
   * invocations the averages did not foresee): the first waiter starts an environment, one at a time. While
   * invocations keep finishing the queue moves, and another process would only share the same CPUs; while one
   * environment is in Init, another started now would not be ready sooner.
   */
  checkWaiters(): void {
    this.waitTimer = undefined;
    const first = this.waiters[0];
    if (first === undefined || this.live.size + this.reserved >= this.cap) return;
    if (this.reserved + this.initialising > 0) {
      this.armWaitTimer();
      return;
    }
    const waited = performance.now() - Math.max(first.since, this.lastFinishedAt);
    if (waited < this.scaleOut.coldStartMs) {
      this.armWaitTimer(waited);
      return;
    }
    this.waiters.shift();
    this.reserved++;
    first.grant('spawn');
    if (this.waiters.length > 0 && this.live.size + this.reserved < this.cap) this.armWaitTimer();
  }

  /** A new environment: Init, then the invocation. The caller has reserved the capacity. */
  private async runCold(event: CfEvent, awsRequestId: string): Promise<InvokeOutcome> {
    const logs: LogLine[] = [];
    const { settings, spec } = this;
    if (settings.bootstrapProblem !== undefined) {
      this.reserved--;
      return this.failedBeforeInvoke(logs, awsRequestId, executionError(settings.bootstrapProblem), 0, 'error');
    }
    let loadPath = this.loadPath;
    if (loadPath === undefined) {
      try {
        loadPath = await bundleTypeScript(spec.modulePath);
        this.loadPath = loadPath;
      } catch (error) {
        this.reserved--;
        this.wakeForSpawn();
        if (!(error instanceof LoadFailure)) throw error;
        appendLog(logs, this, initReportLine(0, 'init', 'error', error.errorType));
        return this.failedBeforeInvoke(logs, awsRequestId, executionError(error.message), 0, `error\tError Type: ${error.errorType}`);
      }
    }
    this.reserved--;
    let environment = this.spawn(loadPath, logs, settings.initTimeoutMs, 'init');
    let init = await environment.initialised;
    let budgetMs = this.timeoutMs;
    let logStart = true;
    if (!init.ok && init.timedOut) {
      // §8.1: Init that runs past 10 s is retried at the first invocation, under the function's timeout.
      appendLog(logs, this, startLine(awsRequestId, spec.version));
      logStart = false;
      const started = performance.now();
      environment = this.spawn(loadPath, logs, budgetMs, 'invoke');
      init = await environment.initialised;
      budgetMs -= performance.now() - started;
      if (!init.ok && init.timedOut) {
        const elapsed = performance.now() - started;
        appendLog(logs, this, timeoutLine(awsRequestId, elapsed));
        this.wakeForSpawn();
        return settleOutcome(spec, this, logs, awsRequestId, elapsed, 0, undefined, timeoutError(functionLabel(spec), spec.timeout), null, 'timeout');
      }
    }
    if (!init.ok) {
      this.wakeForSpawn();
      const status = `error\tError Type: ${init.errorType}`;
      return this.failedBeforeInvoke(logs, awsRequestId, executionError(init.detail), 0, status, logStart);
    }
    const outcome = await environment.run(event, awsRequestId, logs, Math.max(1, budgetMs), logStart);
    this.scaleOut.recordRun(outcome.durationMs, environment.handlerMs);
    this.release(environment);
    return outcome;
  }

  private failedBeforeInvoke(
    logs: LogLine[],
    awsRequestId: string,
    error: ReturnType<typeof executionError>,
    durationMs: number,
    status: string,
    logStart = true,
  ): InvokeOutcome {
    if (logStart) appendLog(logs, this, startLine(awsRequestId, this.spec.version));
    return settleOutcome(this.spec, this, logs, awsRequestId, durationMs, 0, undefined, error, null, status);
  }

  private spawn(loadPath: string, logs: LogLine[], initLimitMs: number, phase: 'init' | 'invoke'): Environment {
    const { settings, spec } = this;
    const started = settings.spareProcesses
      ? takeEnvironmentProcess(spec, settings.bootstrapUrl)
      : startEnvironmentProcess(spec, settings.bootstrapUrl);
    const environment = new Environment(spec, loadPath, started, this, initLimitMs, logs, phase);
    // The next spare starts now, beside this Init (which runs in a process that has booted, usually): a Node.js
    // boot takes 50-100 ms, and started after Init it was still booting at the next cold start.
    if (settings.spareProcesses) refillSpareProcesses(spec, settings.bootstrapUrl);
    this.initialising++;
    void environment.initialised.then((init) => {
      this.initialising--;
      if (init.ok) this.scaleOut.recordInit(environment.initDurationMs);
    });
    this.live.add(environment);
    settings.environmentStarted();
    return environment;
  }

  /** After an invocation: to the next waiter, back to the idle stack, or to Shutdown if retired. */
  private release(environment: Environment): void {
    this.lastFinishedAt = performance.now();
    if (environment.state === 'dead') {
      this.draining.delete(environment);
      this.wakeForSpawn();
      return;
    }
    if (environment.retired) {
      this.draining.delete(environment);
      this.track(environment.shutdown());
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter !== undefined) waiter.grant(environment);
    else {
      environment.markIdle(performance.now());
      this.idle.push(environment);
    }
  }

  /**
   * `freed` environments' capacity is free (they died, or never started): as many waiters start a new one. The rest
   * keep waiting for the environments that work, as before; the wait timer (checkWaiters) scales out if none
   * finishes. (Every waiter, up to the cap, used to start one: a crash under load started a dozen processes at once,
   * whose boots then slowed every invocation.)
   */
  private wakeForSpawn(freed = 1): void {
    for (let i = 0; i < freed && this.waiters.length > 0 && this.live.size + this.reserved < this.cap; i++) {
      this.reserved++;
      this.waiters.shift()!.grant('spawn');
    }
    if (this.waiters.length > 0 && this.waitTimer === undefined && this.live.size + this.reserved < this.cap) this.armWaitTimer();
  }

  private track(done: Promise<void>): void {
    this.retiring.add(done);
    void done.finally(() => this.retiring.delete(done));
  }

  /** D45: idle environments past the idle timeout get their Shutdown (oldest are at the bottom of the stack); the rest get SIGSTOP. */
  retireIdle(now: number, idleTimeoutMs: number): void {
    while (this.idle.length > 0 && now - this.idle[0]!.lastUsed >= idleTimeoutMs) {
      this.retireOne(this.idle.shift()!);
    }
    for (const environment of this.idle) environment.freeze();
  }

  /** Hot reload: new invocations get new environments, in-flight ones finish first. */
  retireAll(): void {
    if (isTypeScript(this.spec.modulePath)) this.loadPath = undefined;
    for (const environment of [...this.live]) {
      if (environment.state === 'idle') {
        this.idle.splice(this.idle.indexOf(environment), 1);
        this.retireOne(environment);
      } else {
        this.live.delete(environment);
        environment.retired = true;
        this.draining.add(environment);
      }
    }
    this.wakeForSpawn(this.cap);
  }

  private retireOne(environment: Environment): void {
    this.live.delete(environment);
    environment.retired = true;
    this.track(environment.shutdown());
  }

  /** Server stop (D45): every environment, busy or not, gets SIGTERM and the grace period. */
  async shutdown(): Promise<void> {
    clearTimeout(this.waitTimer);
    this.waitTimer = undefined;
    for (const waiter of this.waiters.splice(0)) waiter.grant('closed');
    for (const environment of [...this.live, ...this.draining]) this.retireOne(environment);
    this.draining.clear();
    this.idle.length = 0;
    await Promise.all([...this.retiring]);
  }
}

function onWaitTimer(pool: FunctionPool): void {
  pool.checkWaiters();
}
