import { CLOUDFRONT_TEXT, getHeaderValue } from '../event/index.js';
import type { CompiledBehavior } from '../config/index.js';
import { cloudFrontErrorResponse, cloudFrontRedirect } from './error-page.js';
import type { HttpResponse } from '../event/index.js';
import type { RequestState } from './types.js';

/**
 * §2.1 step 1, §7.2, §7.3: checks made before any function runs. Returns CloudFront's answer when the request
 * stops here (and no function runs, §2.2), or undefined to go on.
 */
export function checkViewerRequest(state: RequestState): HttpResponse | undefined {
  const { behavior, viewer } = state;
  const redirect = enforceViewerProtocol(state, behavior);
  if (redirect) return redirect;
  // §7.2: a method outside AllowedMethods → 403 (X-Cache: Error).
  if (!behavior.allowedMethods.has(viewer.method)) {
    return cloudFrontErrorResponse(403, CLOUDFRONT_TEXT.methodNotAllowed, state.requestId);
  }
  // §7.2: a GET with a body → 403.
  if (viewer.method === 'GET' && viewer.body.length > 0) {
    return cloudFrontErrorResponse(403, 'Bad request: a GET request cannot have a body.', state.requestId);
  }
  return undefined;
}

// §7.3 (D41, D43): redirect-to-https and https-only for requests that arrived over plain HTTP.
function enforceViewerProtocol(state: RequestState, behavior: CompiledBehavior): HttpResponse | undefined {
  const { viewer } = state;
  if (viewer.https || behavior.viewerProtocolPolicy === 'allow-all') return undefined;
  if (behavior.viewerProtocolPolicy === 'https-only') {
    return cloudFrontErrorResponse(403, 'This distribution only allows HTTPS requests.', state.requestId);
  }
  const host = httpsHost(getHeaderValue(state.request.headers, 'host') ?? state.deps.distribution.domainName, state.deps.options.httpsPort);
  const location = `https://${host}${viewer.url}`;
  if (viewer.method === 'GET' || viewer.method === 'HEAD') return cloudFrontRedirect(301, location);
  if (viewer.httpVersion === '1.0') {
    return cloudFrontErrorResponse(403, 'This distribution only allows HTTPS requests.', state.requestId);
  }
  return cloudFrontRedirect(307, location);
}

// Issue 11: with `--https-port`, the redirect goes to that port on the same host name.
function httpsHost(host: string, httpsPort: number | undefined): string {
  if (httpsPort === undefined) return host;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
  return httpsPort === 443 ? name : `${name}:${httpsPort}`;
}

// §7.4 (D44): only a request for exactly `/` gets the DefaultRootObject, before viewer-request.
export function applyDefaultRootObject(uri: string, defaultRootObject: string | undefined): string {
  return uri === '/' && defaultRootObject ? `/${defaultRootObject}` : uri;
}
