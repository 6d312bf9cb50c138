/**
 * Issue 12: what `edge-dev init` writes: a distribution whose default behavior serves `public/` (a directory origin,
 * so it serves on the first try with no other server), a viewer-request handler (redirects and a pretty URL), a
 * viewer-response handler (security headers), and a Vitest file that tests both through `edge-dev/testing`.
 */
const ARN = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}:1`;

const distribution = {
  CallerReference: 'edge-dev-init',
  Comment: 'Written by edge-dev init',
  Enabled: true,
  DefaultRootObject: 'index.html',
  Origins: { Quantity: 1, Items: [{ Id: 'site', DomainName: 'my-site-bucket.s3.us-east-1.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: '' } }] },
  DefaultCacheBehavior: {
    TargetOriginId: 'site',
    ViewerProtocolPolicy: 'redirect-to-https',
    CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
    Compress: true,
    LambdaFunctionAssociations: {
      Quantity: 2,
      Items: [
        { EventType: 'viewer-request', LambdaFunctionARN: ARN('viewer-request'), IncludeBody: false },
        { EventType: 'viewer-response', LambdaFunctionARN: ARN('viewer-response'), IncludeBody: false },
      ],
    },
  },
};

const config = {
  distribution,
  functions: { 'viewer-request': './handlers/viewer-request.mjs', 'viewer-response': './handlers/viewer-response.mjs' },
  origins: { site: './public' },
};

const viewerRequest = `// Lambda@Edge viewer-request: runs before the cache. Redirects /old/* and serves /about as /about.html.
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri.startsWith('/old/')) {
    return {
      status: '301',
      statusDescription: 'Moved Permanently',
      headers: { location: [{ key: 'Location', value: request.uri.replace('/old/', '/') }] },
    };
  }
  if (request.uri === '/about') request.uri = '/about.html';
  return request;
};
`;

const viewerResponse = `// Lambda@Edge viewer-response: runs on every response the viewer gets, cached or not.
export const handler = async (event) => {
  const response = event.Records[0].cf.response;
  response.headers['strict-transport-security'] = [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }];
  response.headers['x-content-type-options'] = [{ key: 'X-Content-Type-Options', value: 'nosniff' }];
  return response;
};
`;

const test = `import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedRuntime, cloudFrontMatchers, invoke, viewerRequest, viewerResponse } from 'edge-dev/testing';

expect.extend(cloudFrontMatchers);
afterAll(closeSharedRuntime);

const request = new URL('./viewer-request.mjs', import.meta.url);
const response = new URL('./viewer-response.mjs', import.meta.url);

describe('viewer-request', () => {
  it('redirects /old/ paths', async () => {
    expect(await invoke(request, viewerRequest({ uri: '/old/page' }))).toRedirectTo('/page');
  });

  it('serves /about from /about.html', async () => {
    expect(await invoke(request, viewerRequest({ uri: '/about' }))).toForwardRequest('/about.html');
  });
});

describe('viewer-response', () => {
  it('adds the security headers', async () => {
    const result = await invoke(response, viewerResponse());
    expect(result).toBeAccepted();
    expect(result).toHaveHeader('Strict-Transport-Security', /max-age=63072000/);
  });
});
`;

const page = (title: string) => `<!doctype html>\n<html><head><meta charset="utf-8"><title>${title}</title></head>\n<body><h1>${title}</h1><p>Served through edge-dev's local CloudFront.</p></body></html>\n`;

/** Relative path → content. */
export const STARTER_FILES: Readonly<Record<string, string>> = {
  'edge-dev.config.json': `${JSON.stringify(config, null, 2)}\n`,
  'handlers/viewer-request.mjs': viewerRequest,
  'handlers/viewer-response.mjs': viewerResponse,
  'handlers/handlers.test.mjs': test,
  'public/index.html': page('Hello from the edge'),
  'public/about.html': page('About'),
  'public/page.html': page('A page'),
};
