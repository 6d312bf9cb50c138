import type { CfEvent } from '../event/types.js';
import type { FunctionSpec, InvokeOutcome, RuntimeOptions } from './types.js';

/** Pools of execution environments, one pool per function version (§8.1, D45). */
export class LambdaRuntime {
  constructor(readonly options: RuntimeOptions = {}) {}
  /** Run one invocation in a warm environment, or a new one; never throws (failures are outcomes). */
  invoke(fn: FunctionSpec, event: CfEvent): Promise<InvokeOutcome> {
    throw new Error('not implemented');
  }
  /** Code changed: environments of functions whose module is under `modulePath` (or all) are retired. */
  reload(modulePath?: string): Promise<void> {
    throw new Error('not implemented');
  }
  /** Live environments (for tests and the load test). */
  environmentCount(fn?: FunctionSpec): number {
    throw new Error('not implemented');
  }
  /** SIGTERM-like Shutdown for every environment, 500 ms grace (D45). */
  shutdown(): Promise<void> {
    throw new Error('not implemented');
  }
}
