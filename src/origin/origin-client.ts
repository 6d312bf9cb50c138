import type { CfRequest, HttpResponse } from '../event/types.js';
import type { CompiledDistribution } from '../config/types.js';

export interface OriginFetchOptions {
  /** The request body to send (viewer body, or the replacement from a handler). */
  body?: Buffer;
}

/**
 * Fetches origin requests: undici Pools with keep-alive for URL origins, the filesystem (S3-like) for directory
 * origins. `request.origin` decides where (D11: a domain equal to a configured origin's uses its local mapping).
 */
export class OriginClient {
  constructor(readonly distribution: CompiledDistribution) {}
  /** Resolves with the origin's response (any status); rejects only with OriginError (502/504). */
  fetch(request: CfRequest, options?: OriginFetchOptions): Promise<HttpResponse> {
    throw new Error('not implemented');
  }
  close(): Promise<void> {
    throw new Error('not implemented');
  }
}
