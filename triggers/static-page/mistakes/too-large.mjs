// A plausible mistake: generating a large page in viewer-request. Headers + body are limited to 40 KB there
// (1 MB in origin-request, reference §1.10): 502 LambdaValidationError.
export const handler = async () => ({
  status: '200',
  headers: { 'content-type': [{ key: 'Content-Type', value: 'text/plain' }] },
  body: 'x'.repeat(50 * 1024),
});
