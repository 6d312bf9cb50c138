// A plausible mistake: putting a URL where CloudFront wants a DNS name. `domainName` may not contain ":"
// (reference §1.8): 502 LambdaValidationError.
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.origin = {
    custom: {
      domainName: 'https://api.example.com',
      port: 443,
      protocol: 'https',
      path: '',
      sslProtocols: ['TLSv1.2'],
      readTimeout: 30,
      keepaliveTimeout: 5,
      customHeaders: {},
    },
  };
  request.headers.host = [{ key: 'Host', value: 'api.example.com' }];
  return request;
};
