// A plausible mistake: returning a JSON object as the body. A generated body must be a string (JSON.stringify
// it): 502 LambdaValidationError, "The body is not a string, ..." (reference §3.8).
export const handler = async () => ({
  status: '200',
  headers: { 'content-type': [{ key: 'Content-Type', value: 'application/json' }] },
  body: { message: 'hello' },
});
