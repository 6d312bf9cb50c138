// origin-request: send viewers to a country-specific page, from the CloudFront-Viewer-Country header.
// TypeScript works as is: edge-dev bundles .ts handlers with esbuild (deploy the compiled JavaScript).
//
// CloudFront adds CloudFront-Viewer-Country only after viewer-request, and only when a cache policy or origin
// request policy names it (reference §3.5, §6.3): put it in the cache key, or every country gets the first
// country's cached redirect.
import type { CloudFrontRequestEvent, CloudFrontRequestResult } from 'aws-lambda';

const PAGES: ReadonlyMap<string, string> = new Map([
  ['DE', '/intl/de.html'],
  ['AT', '/intl/de.html'],
  ['CH', '/intl/de.html'],
  ['FR', '/intl/fr.html'],
]);
const FALLBACK = '/index.html';

export const handler = async (event: CloudFrontRequestEvent): Promise<CloudFrontRequestResult> => {
  const request = event.Records[0].cf.request;
  const country = request.headers['cloudfront-viewer-country']?.[0]?.value;
  const location = (country && PAGES.get(country)) ?? FALLBACK;
  return {
    status: '302',
    statusDescription: 'Found',
    headers: {
      location: [{ key: 'Location', value: location }],
      // Generated in origin-request, so CloudFront caches it (reference §2.3): keep it short.
      'cache-control': [{ key: 'Cache-Control', value: 'max-age=300' }],
    },
  };
};
