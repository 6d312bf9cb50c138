import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedRuntime, cloudFrontMatchers, invoke, runFixtures, viewerResponse } from 'edge-dev/testing';

expect.extend(cloudFrontMatchers);
afterAll(closeSharedRuntime);

const handler = new URL('./security-headers.mjs', import.meta.url);

runFixtures(new URL('./fixtures/', import.meta.url), handler, { describe, it, expect });

describe('security-headers (viewer-response)', () => {
  it('adds HSTS and CSP and keeps the status and read-only headers', async () => {
    const result = await invoke(handler, viewerResponse({ uri: '/index.html' }));
    expect(result).toBeAccepted();
    expect(result).toHaveStatus(200);
    expect(result).toHaveHeader('strict-transport-security', /max-age=63072000/);
    expect(result).toHaveHeader('content-security-policy', /default-src 'self'/);
    expect(result).toHaveHeader('content-length', '9593');
  });

  it('§3.3 CloudFront rejects a rebuilt header map that drops Content-Length', async () => {
    const result = await invoke(new URL('./mistakes/replace-headers.mjs', import.meta.url), viewerResponse({ uri: '/index.html' }));
    expect(result).toFailWith('LambdaValidationError', 'read-only header');
  });
});
