import type { CfHeaders } from '../event/types.js';

/** RFC 9111 §3.2: fields a 304 does not update (Content-Length and connection-level fields). */
const NOT_UPDATED = new Set([
  'content-length',
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * §5.10 (D17): the stored headers with each field of the 304 replacing the stored one (RFC 9111 §3.2).
 * Returns a new null-prototype map (an origin can send a `__proto__` header); neither input changes.
 */
export function mergeNotModified(stored: CfHeaders, notModified: CfHeaders): CfHeaders {
  const out: CfHeaders = Object.create(null) as CfHeaders;
  for (const name of Object.keys(stored)) out[name] = stored[name]!;
  for (const name of Object.keys(notModified)) {
    const lines = notModified[name];
    if (lines === undefined || lines.length === 0 || NOT_UPDATED.has(name)) continue;
    out[name] = lines.slice();
  }
  return out;
}
