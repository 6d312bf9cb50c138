import type { HttpResponse } from '../event/index.js';
import { prepareViewerResponseHeaders } from '../origin/index.js';
import type { CompiledBehavior } from '../config/index.js';
import { compressForViewer } from './compress-response.js';
import { forwardsCookies } from './store-response.js';
import type { RequestState } from './types.js';

/**
 * What an origin's response (after origin-response) becomes before it is stored or served, on every path that
 * fetches from an origin: a miss, a stale-while-revalidate refresh, a custom error page (through its own behavior).
 * §6.1 headers removed or rewritten, D36 `Set-Cookie` dropped when cookies are not forwarded, §5.12 compression.
 */
export function responseFromOrigin(state: RequestState, behavior: CompiledBehavior, response: HttpResponse): HttpResponse {
  const headers = prepareViewerResponseHeaders(behavior, response.headers);
  if (!forwardsCookies(behavior)) delete headers['set-cookie'];
  return compressForViewer(state, behavior, { ...response, headers });
}
