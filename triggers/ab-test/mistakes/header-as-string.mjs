// A plausible mistake: tagging the request with a plain string instead of CloudFront's header shape
// ([{ key, value }]). CloudFront rejects it: 502 LambdaValidationError (reference §1.6).
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.uri = '/experiment/a.html';
  request.headers['x-experiment-variant'] = 'A';
  return request;
};
