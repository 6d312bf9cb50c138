import type { CacheKeyPolicy } from '../config/types.js';

/**
 * §5.3: the normalised Accept-Encoding for key and origin; `undefined` = header absent (not sent).
 * With gzip and Brotli both disabled the viewer's value is returned untouched: it is then an ordinary
 * header, in the key and forwarded only when the policy lists it. `identity` means "not in the key,
 * sent to the origin as `Accept-Encoding: identity`".
 * Tokens compare case-insensitively and parameters are ignored, except that `;q=0` refuses a coding
 * (RFC 9110 §12.5.3; the reference is silent on q-values).
 */
export function normaliseAcceptEncoding(policy: CacheKeyPolicy, viewerValue: string | undefined): string | undefined {
  if (viewerValue === undefined) return undefined;
  const gzipOn = policy.enableAcceptEncodingGzip;
  const brOn = policy.enableAcceptEncodingBrotli;
  if (!gzipOn && !brOn) return viewerValue;
  const found = acceptedCodings(viewerValue);
  const gzip = gzipOn && (found & GZIP) !== 0;
  const br = brOn && (found & BR) !== 0;
  if (gzip && br) return 'br,gzip';
  if (gzip) return 'gzip';
  if (br) return 'br';
  return 'identity';
}

const GZIP = 1;
const BR = 2;

/** Bit set of `gzip` / `br` tokens the value accepts. */
function acceptedCodings(value: string): number {
  let found = 0;
  let start = 0;
  const n = value.length;
  while (start <= n) {
    let end = value.indexOf(',', start);
    if (end === -1) end = n;
    const semi = value.indexOf(';', start);
    const tokenEnd = semi !== -1 && semi < end ? semi : end;
    const token = value.slice(start, tokenEnd).trim().toLowerCase();
    const bit = token === 'gzip' ? GZIP : token === 'br' ? BR : 0;
    if (bit !== 0 && !(tokenEnd < end && refusesCoding(value.slice(tokenEnd + 1, end)))) found |= bit;
    start = end + 1;
  }
  return found;
}

/** True when the parameters carry `q=0` (also `q=0.0`, `q=0.000`). */
function refusesCoding(params: string): boolean {
  for (const raw of params.split(';')) {
    const p = raw.trim().toLowerCase();
    if (p.startsWith('q=')) {
      return p.length > 2 && Number(p.slice(2)) === 0;
    }
  }
  return false;
}
