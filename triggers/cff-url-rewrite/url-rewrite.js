// CloudFront Function, cloudfront-js-2.0, viewer-request. After AWS's "Add index.html to request URLs that don't include
// a file name" example (dg:example_cloudfront_functions_url_rewrite_single_page_apps_section).
async function handler(event) {
  const request = event.request;
  const uri = request.uri;
  if (uri.endsWith('/')) {
    request.uri += 'index.html';
  } else if (!uri.includes('.')) {
    request.uri += '/index.html';
  }
  return request;
}
