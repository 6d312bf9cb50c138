import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedRuntime, cloudFrontMatchers, invoke, originRequest, runFixtures, viewerRequest } from 'edge-dev/testing';

expect.extend(cloudFrontMatchers);
afterAll(closeSharedRuntime);

// A TypeScript handler runs as is: edge-dev bundles it with esbuild before the environment starts.
const handler = new URL('./country-redirect.ts', import.meta.url);

runFixtures(new URL('./fixtures/', import.meta.url), handler, { describe, it, expect });

describe('country-redirect (origin-request, TypeScript)', () => {
  it('sends Austrian viewers to the German page, cacheable for 5 minutes', async () => {
    const result = await invoke(handler, originRequest({ uri: '/welcome', headers: { 'CloudFront-Viewer-Country': 'AT' } }));
    expect(result).toRedirectTo('/intl/de.html', 302);
    expect(result).toHaveHeader('cache-control', 'max-age=300');
  });

  it('§3.5 CloudFront rejects a viewer-request function that adds CloudFront-Viewer-Country', async () => {
    const result = await invoke(new URL('./mistakes/default-country.mjs', import.meta.url), viewerRequest({ uri: '/welcome' }));
    expect(result).toFailWith('LambdaValidationError', 'CloudFront-Viewer-Country');
  });
});
