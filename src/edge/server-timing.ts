import type { RequestState } from './types.js';

/**
 * dg:understanding-response-headers-policies (Server-Timing header metrics), in the order of AWS's examples. edge-dev
 * is one edge location with no regional cache: hits are `EDGE`, upstream DNS and connect times are reported as 0
 * (pooled connections), and the upstream first-byte time is the time spent so far.
 */
export function serverTimingValue(state: RequestState, xCacheToken: string, fromOrigin: string | undefined): string {
  const elapsed = Math.max(0, Math.round(performance.now() - state.startedAt));
  const pop = `cdn-pop;desc="${state.deps.options.pop}"`;
  const rid = `cdn-rid;desc="${state.requestId}"`;
  const downstream = `cdn-downstream-fbl;dur=${elapsed}`;
  if (xCacheToken === 'Hit') return `cdn-cache-hit,${pop},${rid},cdn-hit-layer;desc="EDGE",${downstream}`;
  const cache = xCacheToken === 'RefreshHit' ? 'cdn-cache-refresh' : 'cdn-cache-miss';
  const upstream = `cdn-upstream-layer;desc="EDGE",cdn-upstream-dns;dur=0,cdn-upstream-connect;dur=0,cdn-upstream-fbl;dur=${elapsed}`;
  return `${upstream},${fromOrigin ? `${fromOrigin},` : ''}${cache},${pop},${rid},${downstream}`;
}
