// A mistake CloudFront refuses: cloudfront-js-1.0 has no const (dg:functions-javascript-runtime-10).
function handler(event) {
  const request = event.request;
  return request;
}
