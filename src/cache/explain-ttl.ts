import type { CfHeaders } from '../event/types.js';
import type { CacheKeyPolicy } from '../config/types.js';
import { originFreshness } from './origin-freshness.js';
import type { TtlDecision } from './types.js';

/**
 * Issue 12: one line for a cache decision a developer would not expect from the origin's headers alone (§5.6, D34),
 * or undefined when the decision is what the headers say.
 */
export function surprisingCacheDecision(policy: CacheKeyPolicy, status: number, headers: CfHeaders, decision: TtlDecision, now: number): string | undefined {
  if (status >= 400) return undefined;
  const f = originFreshness(headers, now);
  if (f.directives.uncacheable && decision.store) {
    return `cached ${decision.ttlSeconds} s despite the origin's no-cache/no-store/private: the cache policy's MinTTL ${policy.minTTL} overrides it (§5.6)`;
  }
  if (f.lifetime !== undefined && decision.store && decision.ttlSeconds !== f.lifetime) {
    const bound = decision.ttlSeconds === policy.minTTL ? `raised to MinTTL ${policy.minTTL}` : `capped at MaxTTL ${policy.maxTTL}`;
    return `cached ${decision.ttlSeconds} s, not the origin's ${f.lifetime} s: ${bound} (§5.6)`;
  }
  if (!decision.store && !f.directives.uncacheable && (f.lifetime ?? 1) > 0 && policy.maxTTL === 0) {
    return 'not cached: the cache policy caches nothing (all TTLs 0, §5.4)';
  }
  return undefined;
}
