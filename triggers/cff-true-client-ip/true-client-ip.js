// CloudFront Function, cloudfront-js-1.0, viewer-request. After AWS's "Add a True-Client-IP header to the request"
// example (dg:example-function-add-true-client-ip-header).
function handler(event) {
  var request = event.request;
  var clientIP = event.viewer.ip;
  request.headers['true-client-ip'] = { value: clientIP };
  return request;
}
