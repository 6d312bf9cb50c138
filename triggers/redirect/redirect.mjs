// viewer-request: permanent redirects for moved content (/old/<path> → /<path>), answered at the edge
// without a trip to the origin. Other paths pass through unchanged.
const PREFIX = '/old/';

// Exact moves that do not follow the prefix rule.
const MOVED = new Map([
  ['/old/', '/'],
  ['/old/contact.html', '/about.html'],
]);

export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (!request.uri.startsWith(PREFIX)) return request;

  const target = MOVED.get(request.uri) ?? request.uri.slice(PREFIX.length - 1);
  // Keep the query string; `querystring` never includes the `?`.
  const location = request.querystring ? `${target}?${request.querystring}` : target;
  return {
    status: '301',
    statusDescription: 'Moved Permanently',
    headers: {
      location: [{ key: 'Location', value: location }],
      'cache-control': [{ key: 'Cache-Control', value: 'max-age=3600' }],
    },
  };
};
