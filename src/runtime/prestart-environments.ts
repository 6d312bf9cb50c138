import { prestartSpareWorkers } from './spare-workers.js';
import type { FunctionSpec } from './types.js';
import { checkWorkerBuilt, environmentWorkerUrl } from './worker-url.js';

/**
 * Starts threads for these functions' first cold starts ahead of need, one per function and memory size (up to
 * four per size): `serve` calls it while it loads, before the first request. The functions' Init still runs on
 * demand, at their first invocation (§8.1), in a thread bound to nothing until then (spare-workers.ts).
 */
export function prestartEnvironments(functions: Iterable<FunctionSpec>): void {
  const workerUrl = environmentWorkerUrl();
  if (checkWorkerBuilt(workerUrl) !== undefined) return;
  const counts = new Map<number, number>();
  for (const spec of new Set(functions)) counts.set(spec.memorySize, (counts.get(spec.memorySize) ?? 0) + 1);
  prestartSpareWorkers(workerUrl, counts);
}
