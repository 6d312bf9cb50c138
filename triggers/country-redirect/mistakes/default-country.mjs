// A plausible mistake: running the country logic in viewer-request and filling in a default
// CloudFront-Viewer-Country when it is missing. Adding that header in viewer-request fails validation:
// 502 LambdaValidationError (reference §3.5).
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.headers['cloudfront-viewer-country'] ??= [{ key: 'CloudFront-Viewer-Country', value: 'US' }];
  return request;
};
