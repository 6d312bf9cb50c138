import { checkBootstrapBuilt, environmentBootstrapUrl } from './bootstrap-path.js';
import { prestartSpareProcesses } from './spare-processes.js';
import type { FunctionSpec } from './types.js';

/**
 * Starts a process for each function's first cold start ahead of need: `serve` calls it while it loads, before
 * the first request. The functions' Init still runs on demand, at their first invocation (§8.1), in a process that
 * loaded nothing until then (spare-processes.ts).
 */
export function prestartEnvironments(functions: Iterable<FunctionSpec>): void {
  const bootstrapUrl = environmentBootstrapUrl();
  if (checkBootstrapBuilt(bootstrapUrl) !== undefined) return;
  prestartSpareProcesses(new Set(functions), bootstrapUrl);
}
