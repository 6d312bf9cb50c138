// A plausible mistake: rewriting the URI instead of redirecting, and dropping its leading "/".
// CloudFront rejects the result: 502 LambdaValidationError (invalid uri, reference §3.6).
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri.startsWith('/old/')) request.uri = request.uri.slice('/old/'.length);
  return request;
};
