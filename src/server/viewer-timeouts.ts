/**
 * How long the edge waits on a viewer (issue 15). CloudFront documents no viewer-side timeouts (only the origin's,
 * reference §4), so these are edge-dev's, chosen as nginx's defaults are (client_header_timeout, send_timeout 60 s)
 * and recorded in docs/fidelity.md. None of them cuts a viewer that waits for a slow origin or handler.
 */
export interface ViewerTimeouts {
  /** From connecting to the end of the request headers. */
  headersMs: number;
  /** A response to a viewer that stops reading: closed after this long without progress. */
  sendIdleMs: number;
}

export const DEFAULT_VIEWER_TIMEOUTS: ViewerTimeouts = Object.freeze({ headersMs: 60_000, sendIdleMs: 60_000 });
