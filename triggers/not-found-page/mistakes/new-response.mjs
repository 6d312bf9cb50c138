// A plausible mistake: returning a brand-new response object. It drops the origin's Transfer-Encoding, which is
// read-only in origin-response (reference §3.3; observed as a 502 on real distributions): LambdaValidationError.
export const handler = async (event) => {
  const response = event.Records[0].cf.response;
  if (response.status !== '404') return response;
  return {
    status: '404',
    statusDescription: 'Not Found',
    headers: { 'content-type': [{ key: 'Content-Type', value: 'text/html' }] },
    body: '<h1>Page not found</h1>',
  };
};
