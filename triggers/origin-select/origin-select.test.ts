import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedRuntime, cloudFrontMatchers, invoke, originRequest, runFixtures } from 'edge-dev/testing';

expect.extend(cloudFrontMatchers);
afterAll(closeSharedRuntime);

const handler = new URL('./origin-select.mjs', import.meta.url);
const siteBucket = { s3: { domainName: 'demo-site.s3.us-east-1.amazonaws.com', region: '', authMethod: 'none' as const, path: '', customHeaders: {} } };

runFixtures(new URL('./fixtures/', import.meta.url), handler, { describe, it, expect });

describe('origin-select (origin-request)', () => {
  it('switches beta viewers to the beta bucket and rewrites Host', async () => {
    const result = await invoke(handler, originRequest({ uri: '/index.html', origin: siteBucket, headers: { Cookie: 'a=1; edge-dev-preview=beta' } }));
    expect(result).toForwardRequest({
      uri: '/index.html',
      headers: { host: 'demo-beta.s3.us-east-1.amazonaws.com' },
      origin: { s3: { domainName: 'demo-beta.s3.us-east-1.amazonaws.com' } },
    });
  });

  it('§1.8 CloudFront rejects an origin domainName written as a URL', async () => {
    const result = await invoke(new URL('./mistakes/url-as-domain.mjs', import.meta.url), originRequest({ uri: '/api/status' }));
    expect(result).toFailWith('LambdaValidationError', 'domainName');
  });
});
