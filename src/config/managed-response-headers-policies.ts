/**
 * AWS's managed response headers policies, known by Id without configuration, with the headers AWS documents for
 * each (dg:using-managed-response-headers-policies). Data only.
 */
import type { CorsHeaders, PolicyHeader, ResponseHeadersPolicy } from './types.js';

const ANY_ORIGIN: CorsHeaders = Object.freeze({
  allowOrigins: Object.freeze(['*']),
  allowHeaders: Object.freeze([]),
  allowMethods: Object.freeze([]),
  exposeHeaders: Object.freeze([]),
  allowCredentials: false,
  originOverride: false,
});

// dg:using-managed-response-headers-policies (CORS-With-Preflight): on preflights all three headers, on simple CORS
// requests only Access-Control-Allow-Origin; none overrides the origin's.
const ANY_ORIGIN_WITH_PREFLIGHT: CorsHeaders = Object.freeze({
  ...ANY_ORIGIN,
  allowMethods: Object.freeze(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']),
  exposeHeaders: Object.freeze(['*']),
});

function header(key: string, value: string, override: boolean): PolicyHeader {
  return Object.freeze({ name: key.toLowerCase(), key, value, override });
}

// dg:using-managed-response-headers-policies (SecurityHeadersPolicy): only X-Content-Type-Options overrides the origin.
const SECURITY_HEADERS: readonly PolicyHeader[] = Object.freeze([
  header('Referrer-Policy', 'strict-origin-when-cross-origin', false),
  header('Strict-Transport-Security', 'max-age=31536000', false),
  header('X-Content-Type-Options', 'nosniff', true),
  header('X-Frame-Options', 'SAMEORIGIN', false),
  header('X-XSS-Protection', '1; mode=block', false),
]);

function policy(id: string, name: string, cors: CorsHeaders | undefined, headers: readonly PolicyHeader[]): ResponseHeadersPolicy {
  const compiled: ResponseHeadersPolicy = { id, name, headers, removeHeaders: new Set() };
  if (cors) compiled.cors = cors;
  return Object.freeze(compiled);
}

/** The five managed response headers policies by Id. */
export const MANAGED_RESPONSE_HEADERS_POLICIES: ReadonlyMap<string, ResponseHeadersPolicy> = new Map(
  [
    policy('e61eb60c-9c35-4d20-a928-2b84e02af89c', 'Managed-CORS-and-SecurityHeadersPolicy', ANY_ORIGIN, SECURITY_HEADERS),
    policy('5cc3b908-e619-4b99-88e5-2cf7f45965bd', 'Managed-CORS-With-Preflight', ANY_ORIGIN_WITH_PREFLIGHT, []),
    policy('eaab4381-ed33-4a86-88ca-d9558dc6cd63', 'Managed-CORS-with-preflight-and-SecurityHeadersPolicy', ANY_ORIGIN_WITH_PREFLIGHT, SECURITY_HEADERS),
    policy('67f7725c-6f97-4210-82d7-5512b31e9d03', 'Managed-SecurityHeadersPolicy', undefined, SECURITY_HEADERS),
    policy('60669652-455b-4ae9-85a4-c4c02393f86c', 'Managed-SimpleCORS', ANY_ORIGIN, []),
  ].map((p) => [p.id, p]),
);
