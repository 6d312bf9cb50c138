// origin-request: content-based origin selection. Viewers with the cookie `edge-dev-preview=beta` get the
// site from the beta bucket; everyone else from the behavior's own origin.
//
// The cookie reaches origin-request only if the behavior forwards cookies (an origin request policy such as
// AllViewerExceptHostHeader) and the choice must not be cached for everybody: pair it with CachingDisabled,
// or put the cookie in the cache key.
const BETA_BUCKET = 'demo-beta.s3.us-east-1.amazonaws.com';

function wantsBeta(headers) {
  return (headers.cookie ?? []).some(({ value }) => value.split(';').some((part) => part.trim() === 'edge-dev-preview=beta'));
}

export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (!wantsBeta(request.headers)) return request;

  // The origin need not be one of the distribution's origins; exactly one of `custom` / `s3`.
  request.origin = {
    s3: { domainName: BETA_BUCKET, region: '', authMethod: 'none', path: '', customHeaders: {} },
  };
  // CloudFront does not change Host when the origin changes (reference §1.8): S3 needs its own name.
  request.headers.host = [{ key: 'Host', value: BETA_BUCKET }];
  return request;
};
