import type { CfHeaders } from '../event/types.js';
import type { CompiledBehavior } from '../config/types.js';

/**
 * §6.1: headers removed or rewritten on an origin response before it is stored or reaches the viewer
 * (Trailer, Upgrade, Transfer-Encoding, Vary filtering, the origin's Via, hop-by-hop headers).
 * `Set-Cookie` stripping (D36) is separate because it happens after origin-response.
 */
export function prepareViewerResponseHeaders(behavior: CompiledBehavior, headers: CfHeaders): CfHeaders {
  throw new Error('not implemented');
}
