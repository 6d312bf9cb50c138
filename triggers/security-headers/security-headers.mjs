// viewer-response: add security headers to every response a viewer gets (< 400; CloudFront skips
// viewer-response for error statuses, reference §2.2). A response headers policy does this without code;
// a function is for when the values depend on the request.
const SECURITY_HEADERS = [
  ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains; preload'],
  ['Content-Security-Policy', "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'"],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
];

export const handler = async (event) => {
  const response = event.Records[0].cf.response;
  // Change the map in place: Content-Length, Content-Encoding, Transfer-Encoding, Via and Warning are read-only
  // here and must come back exactly as they came in (reference §3.3).
  for (const [name, value] of SECURITY_HEADERS) {
    response.headers[name.toLowerCase()] = [{ key: name, value }];
  }
  return response;
};
