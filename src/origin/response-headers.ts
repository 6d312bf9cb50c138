import { newHeaderMap } from '../event/index.js';
import type { CfHeaders } from '../event/types.js';
import type { CompiledBehavior } from '../config/types.js';
import { forwardingFor, type Forwarding } from './forwarding.js';

// §6.1: removed from origin responses. Transfer-Encoding too: edge-dev buffers bodies and sends a Content-Length.
const REMOVED = new Set(['trailer', 'upgrade', 'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'via']);

/** §6.1: the `Vary` value kept, or `undefined` when no name survives. `*` is kept for the cache's §5.6 rule. */
export function filterVary(value: string, forwarding: Forwarding): string | undefined {
  let out = '';
  let start = 0;
  while (start < value.length) {
    let end = value.indexOf(',', start);
    if (end === -1) end = value.length;
    const token = value.slice(start, end).trim();
    if (token !== '') {
      const lower = token.toLowerCase();
      if (token === '*' || forwarding.varyAll || forwarding.varyNames.has(lower)) {
        out = out === '' ? token : `${out}, ${token}`;
      }
    }
    start = end + 1;
  }
  return out === '' ? undefined : out;
}

/**
 * §6.1: headers removed or rewritten on an origin response before it is stored or reaches the viewer
 * (Trailer, Upgrade, Transfer-Encoding, Vary filtering, the origin's Via, hop-by-hop headers).
 * `Set-Cookie` stripping (D36) is separate because it happens after origin-response.
 * Returns the same map when nothing changes, else a new map (the input is not modified).
 */
export function prepareViewerResponseHeaders(behavior: CompiledBehavior, headers: CfHeaders): CfHeaders {
  let changed = false;
  for (const name in headers) {
    if (REMOVED.has(name) || name === 'vary') {
      changed = true;
      break;
    }
  }
  if (!changed) return headers;
  const forwarding = forwardingFor(behavior);
  const out = newHeaderMap();
  for (const name in headers) {
    if (REMOVED.has(name)) continue;
    const entries = headers[name]!;
    if (name !== 'vary') {
      out[name] = entries;
      continue;
    }
    const kept: CfHeaders[string] = [];
    for (const entry of entries) {
      const value = filterVary(entry.value, forwarding);
      if (value !== undefined) kept.push({ key: entry.key, value });
    }
    if (kept.length > 0) out['vary'] = kept;
  }
  return out;
}
