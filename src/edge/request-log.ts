import type { RequestState } from './types.js';

/** One readable line per request: `GET /a.png 200 Miss  VReq 0.3ms → ORq 0.2ms → origin 12ms → ORs 0.2ms`. */
export function formatTrace(state: RequestState, status: number): string {
  const { viewer, trace } = state;
  const token = trace.xCache.replace(' from cloudfront', '');
  const route = trace.stages.length ? `  ${trace.stages.join(' → ')}` : '';
  return `${viewer.method} ${viewer.url} ${status} ${token}${route}`;
}
