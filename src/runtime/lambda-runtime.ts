import { performance } from 'node:perf_hooks';
import { resolve, sep } from 'node:path';
import type { CfEvent } from '../event/types.js';
import { FunctionPool } from './function-pool.js';
import type { PoolSettings } from './function-pool.js';
import type { FunctionSpec, InvokeOutcome, RuntimeOptions } from './types.js';
import { checkBootstrapBuilt, environmentBootstrapUrl } from './bootstrap-path.js';

const DEFAULT_MAX_ENVIRONMENTS = 16;
const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
// §8.1: Lambda's Init phase limit.
const INIT_TIMEOUT_MS = 10_000;

/** Pools of execution environments, one pool per function version (§8.1, D45). */
export class LambdaRuntime {
  private readonly pools = new Map<string, FunctionPool>();
  private readonly bySpec = new WeakMap<FunctionSpec, FunctionPool>();
  private readonly settings: PoolSettings;
  private readonly idleTimeoutMs: number;
  private sweepTimer: NodeJS.Timeout | undefined;

  constructor(readonly options: RuntimeOptions = {}) {
    const bootstrapUrl = environmentBootstrapUrl();
    this.settings = {
      maxEnvironmentsPerFunction: options.maxEnvironmentsPerFunction ?? DEFAULT_MAX_ENVIRONMENTS,
      initTimeoutMs: options.initTimeoutMs ?? INIT_TIMEOUT_MS,
      bootstrapUrl,
      spareProcesses: options.spareProcesses ?? true,
      bootstrapProblem: checkBootstrapBuilt(bootstrapUrl),
      onLog: options.onLog,
      environmentStarted: () => this.startSweep(),
    };
    this.idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  }

  /** Run one invocation in a warm environment, or a new one; never throws (failures are outcomes). */
  invoke(fn: FunctionSpec, event: CfEvent): Promise<InvokeOutcome> {
    return (this.bySpec.get(fn) ?? this.poolFor(fn)).invoke(event);
  }

  /** Code changed: environments of functions whose module is under `modulePath` (or all) are retired. */
  reload(modulePath?: string): Promise<void> {
    const root = modulePath === undefined ? undefined : resolve(modulePath);
    for (const pool of this.pools.values()) {
      const path = pool.spec.modulePath;
      if (root === undefined || path === root || path.startsWith(root.endsWith(sep) ? root : root + sep)) pool.retireAll();
    }
    return Promise.resolve();
  }

  /** Live environments (for tests and the load test). */
  environmentCount(fn?: FunctionSpec): number {
    if (fn !== undefined) return (this.bySpec.get(fn) ?? this.pools.get(poolKey(fn)))?.live.size ?? 0;
    let count = 0;
    for (const pool of this.pools.values()) count += pool.live.size;
    return count;
  }

  /** SIGTERM-like Shutdown for every environment, 500 ms grace (D45). */
  async shutdown(): Promise<void> {
    clearInterval(this.sweepTimer);
    this.sweepTimer = undefined;
    await Promise.all([...this.pools.values()].map((pool) => pool.shutdown()));
  }

  private poolFor(fn: FunctionSpec): FunctionPool {
    const key = poolKey(fn);
    let pool = this.pools.get(key);
    if (pool === undefined) {
      pool = new FunctionPool(fn, this.settings);
      this.pools.set(key, pool);
    }
    this.bySpec.set(fn, pool);
    return pool;
  }

  // D45: idle environments are retired; one coarse timer for all pools keeps the warm path free of timers.
  private startSweep(): void {
    if (this.sweepTimer !== undefined) return;
    const period = Math.min(1000, Math.max(10, Math.floor(this.idleTimeoutMs / 4)));
    this.sweepTimer = setInterval(sweepPools, period, this.pools, this.idleTimeoutMs);
    this.sweepTimer.unref();
  }
}

function sweepPools(pools: Map<string, FunctionPool>, idleTimeoutMs: number): void {
  const now = performance.now();
  for (const pool of pools.values()) pool.retireIdle(now, idleTimeoutMs);
}

/** One pool per function version and configuration. */
function poolKey(fn: FunctionSpec): string {
  return [
    fn.arn,
    fn.version,
    fn.modulePath,
    fn.exportName,
    fn.runtime,
    fn.memorySize,
    fn.timeout,
    fn.concurrency ?? '',
    fn.region,
    JSON.stringify(fn.environment ?? null),
  ].join('\0');
}
