import type { CfRequest } from '../event/types.js';
import type { CompiledBehavior, CompiledDistribution, CompiledOrigin } from '../config/types.js';

/** What the viewer connection told us, for §6.2 headers. */
export interface ViewerContext {
  requestId: string;
  /** `1.1` or `2.0` (D40 Via on origin requests). */
  httpVersion: string;
  /** D43: whether the viewer connection counts as HTTPS. */
  https: boolean;
  /** `CloudFront-Viewer-*` values (§6.3), from config defaults or test overrides. */
  geo?: Readonly<Record<string, string>>;
}

/**
 * §6.2, §5.1–5.3, D11: the origin-bound request built from the (possibly rewritten) viewer request:
 * only what the cache policy / origin request policy forwards, plus CloudFront's own headers,
 * origin custom headers, and `origin` filled from the DistributionConfig.
 * `conditional` adds If-None-Match / If-Modified-Since for revalidating an expired entry (§5.10).
 */
export function buildOriginRequest(
  distribution: CompiledDistribution,
  behavior: CompiledBehavior,
  origin: CompiledOrigin,
  viewerRequest: CfRequest,
  viewer: ViewerContext,
  conditional?: { etag?: string; lastModified?: string },
): CfRequest {
  throw new Error('not implemented');
}
