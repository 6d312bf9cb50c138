import type { CfRequestBody } from './types.js';

/** §1.7, §4, D9: the body as a request event exposes it: base64, truncated at 40 KB (viewer) / 1 MB (origin). */
export function exposeBody(body: Buffer, eventType: 'viewer-request' | 'origin-request'): CfRequestBody {
  throw new Error('not implemented');
}
