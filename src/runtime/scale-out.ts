import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

/**
 * When a function's environments are all busy: start another (Lambda scales out, §8.1) or wait for one to be free.
 * Lambda starts an environment per concurrent invocation; on a developer's machine a cold start is a process start
 * (a Node.js boot is 50-100 ms of CPU on 2 cores) and every live environment is a process the CPU switches between.
 * Fifty connections of fast handlers made 16 processes per function, and the server spent 4x the CPU per invocation
 * it spends with 2 (bench/profile-runtime.js). So an invocation waits for a warm environment when that wait is
 * expected to be shorter than a cold start, and the pool scales out as Lambda does when handlers are slow (by their
 * run time in the environment: the Duration the server sees also counts waits for a CPU). Not for fast handlers
 * while the server's own event loop is saturated, or the machine's CPUs are (load average over the CPU count): then
 * invocations wait for a CPU, not for environments, and each new process (a boot is 50-100 ms of CPU) only takes
 * CPU from the ones running. On a 2-core machine under load, that scale-out fed itself: every invocation looked
 * slower than a cold start, every one started a process, and the server spent most of its time waiting for a CPU.
 */

// What a cold start costs at least, whatever the Init Durations say: a spare's Init is short, but starting the
// spare that replaces it is a process start (50-100 ms measured on the benchmark machine).
const COLD_START_FLOOR_MS = 50;
// Weight of the newest sample in the moving averages.
const WEIGHT = 0.2;
// While no invocation has finished yet, as many environments start at once as Lambda would, up to this many.
const UNKNOWN_RUN_STARTS = 4;
// Event loop utilisation above which the server, not the environments, is what invocations wait for.
const SATURATED = 0.9;
const UTILISATION_WINDOW_MS = 200;

let mark = performance.eventLoopUtilization();
let markedAt = performance.now();
let saturated = false;

/** Whether the server's event loop was busy nearly all of the last window (one reading per window). */
function serverSaturated(): boolean {
  const now = performance.now();
  if (now - markedAt >= UTILISATION_WINDOW_MS) {
    const current = performance.eventLoopUtilization();
    saturated = performance.eventLoopUtilization(current, mark).utilization > SATURATED;
    mark = current;
    markedAt = now;
  }
  return saturated;
}

const CPUS = availableParallelism();
/** Whether the machine's runnable tasks outnumber its CPUs (1-minute load average; 0 where there is none). */
function cpusSaturated(): boolean {
  return loadavg()[0]! >= CPUS;
}

export class ScaleOut {
  /** Average wall time of an invocation (REPORT Duration), once one has finished. */
  private runMs: number | undefined;
  /** Average run time of an invocation in its environment (what the handler took), once one reported it. */
  private handlerMs: number | undefined;
  private initMs = COLD_START_FLOOR_MS;

  /** Expected cost of starting an environment now, in ms. */
  get coldStartMs(): number {
    return Math.max(COLD_START_FLOOR_MS, this.initMs);
  }

  /** `handlerMs`: the run time the environment measured, undefined when it could not say (it crashed). */
  recordRun(durationMs: number, handlerMs: number | undefined): void {
    this.runMs = this.runMs === undefined ? durationMs : this.runMs + WEIGHT * (durationMs - this.runMs);
    if (handlerMs !== undefined) {
      this.handlerMs = this.handlerMs === undefined ? handlerMs : this.handlerMs + WEIGHT * (handlerMs - this.handlerMs);
    }
  }

  recordInit(durationMs: number): void {
    this.initMs += WEIGHT * (durationMs - this.initMs);
  }

  /**
   * Start an environment for a new invocation? `working` environments are busy or in Init (none idle), `queued`
   * invocations wait already; `starting` of the working ones are still in Init.
   */
  shouldStart(working: number, queued: number, starting: number): boolean {
    if (working === 0) return true;
    if (this.runMs === undefined) return starting < UNKNOWN_RUN_STARTS;
    // Invocations that take an environment longer than a cold start: start one, as Lambda does (a handler that
    // waits on I/O, or hangs until its timeout, must not queue others behind it).
    if ((this.handlerMs ?? this.runMs) >= this.coldStartMs) return true;
    // Fast invocations, one start at a time: a second process started while one boots would not be ready sooner, and each start takes CPU
    // from the invocations already running (which makes them look slower still).
    if (starting > 0) return false;
    // Invocations are handed out in order, `working` at a time, each holding its environment for about the
    // handler's own run time. Not the wall time the server sees: when that is far above the handler's, invocations
    // wait for a CPU (a burst after an idle spell, when the saturation readings are stale), and another process
    // would only share the same CPUs (measured: 50 connections after 13 s idle grew 7 processes to 20 and halved
    // the throughput, on runMs 8-40 ms against a handler's 0.01-0.3 ms).
    const occupancyMs = this.handlerMs ?? this.runMs;
    return (occupancyMs * (queued + 1)) / working > this.coldStartMs && !serverSaturated() && !cpusSaturated();
  }
}
