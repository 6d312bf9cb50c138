// A plausible mistake: building a fresh header map. That deletes Content-Length, which is read-only in a
// Lambda@Edge viewer-response (reference §3.3): 502 LambdaValidationError, "tried to add, delete, or change a
// read-only header".
export const handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers = {
    'content-type': response.headers['content-type'],
    'strict-transport-security': [{ key: 'Strict-Transport-Security', value: 'max-age=63072000' }],
  };
  return response;
};
