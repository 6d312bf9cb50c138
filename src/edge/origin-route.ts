import type { CompiledBehavior, CompiledDistribution } from '../config/index.js';
import type { OriginRoute, RequestState } from './types.js';

/** §2.5 / §7.6: where a `TargetOriginId` sends the request: one origin, or an origin group's primary and secondary. */
export function targetRoute(distribution: CompiledDistribution, targetOriginId: string): OriginRoute {
  const group = distribution.originGroups.get(targetOriginId);
  if (!group) return { primary: distribution.origins.get(targetOriginId)! };
  return {
    primary: distribution.origins.get(group.primary)!,
    secondary: distribution.origins.get(group.secondary)!,
    failoverStatusCodes: group.failoverStatusCodes,
  };
}

/**
 * The route for fetching under `behavior`: the one a viewer-request CloudFront Function chose for the request's own
 * behavior, else the behavior's target (a custom error page's behavior keeps its own origin).
 */
export function originRouteOf(state: RequestState, behavior: CompiledBehavior): OriginRoute {
  if (state.originRoute !== undefined && behavior === state.behavior) return state.originRoute;
  return targetRoute(state.deps.distribution, behavior.targetOriginId);
}
