import type { CacheKeyPolicy } from '../config/types.js';

/** §5.3: the normalised Accept-Encoding for key and origin; `undefined` = header absent (not sent). */
export function normaliseAcceptEncoding(policy: CacheKeyPolicy, viewerValue: string | undefined): string | undefined {
  throw new Error('not implemented');
}
