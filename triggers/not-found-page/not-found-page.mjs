// origin-response: replace the origin's bare 404 (an S3 XML error, say) with a friendly page. The status stays
// 404, so search engines see the truth; what origin-response returns is what CloudFront caches (reference §2.4).
const PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Page not found</title></head>
<body>
<h1>Page not found</h1>
<p>The page you asked for does not exist. Try the <a href="/">home page</a>.</p>
</body>
</html>
`;

export const handler = async (event) => {
  const response = event.Records[0].cf.response;
  if (response.status !== '404') return response;

  // Keep the other headers (Via and Transfer-Encoding are read-only here); set the ones the new body needs.
  response.statusDescription = 'Not Found';
  response.headers['content-type'] = [{ key: 'Content-Type', value: 'text/html; charset=utf-8' }];
  response.headers['cache-control'] = [{ key: 'Cache-Control', value: 'max-age=60' }];
  response.body = PAGE;
  return response;
};
