import type { CompiledBehavior, CompiledDistribution } from '../config/index.js';

// §7.1: first matching CacheBehavior in list order; the default behavior (`*`) is last and matches everything.
export function selectBehavior(distribution: CompiledDistribution, path: string): CompiledBehavior {
  const behaviors = distribution.behaviors;
  for (let i = 0; i < behaviors.length - 1; i++) {
    if (behaviors[i]!.matches(path)) return behaviors[i]!;
  }
  return behaviors[behaviors.length - 1]!;
}
