// A mistake CloudFront refuses: header names added by a function must be lower-case (dg:functions-event-structure).
function handler(event) {
  var request = event.request;
  request.headers['True-Client-IP'] = { value: event.viewer.ip };
  return request;
}
