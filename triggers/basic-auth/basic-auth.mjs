// viewer-request: HTTP Basic authentication in front of a path (e.g. /admin/*).
// Runs before the cache, so every viewer is checked, even for cached objects.
import { timingSafeEqual } from 'node:crypto';

// Lambda@Edge functions cannot have environment variables (reference §8.2): configuration lives in the code.
const USERNAME = 'admin';
const PASSWORD = 'edge-dev';
const EXPECTED = Buffer.from(`Basic ${Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64')}`);

function authorized(headerValue) {
  if (headerValue === undefined) return false;
  const given = Buffer.from(headerValue);
  return given.length === EXPECTED.length && timingSafeEqual(given, EXPECTED);
}

export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  // Header names in the event are lower-case; each header is an array of { key, value }.
  if (authorized(request.headers.authorization?.[0]?.value)) {
    return request;
  }
  // Returning an object with `status` ends processing: CloudFront sends this response and caches nothing.
  return {
    status: '401',
    statusDescription: 'Unauthorized',
    headers: {
      'www-authenticate': [{ key: 'WWW-Authenticate', value: 'Basic realm="edge-dev demo", charset="UTF-8"' }],
      'content-type': [{ key: 'Content-Type', value: 'text/plain; charset=utf-8' }],
      'cache-control': [{ key: 'Cache-Control', value: 'no-store' }],
    },
    body: 'Authentication required.',
  };
};
