import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedRuntime, cloudFrontMatchers, invoke, runFixtures, viewerRequest } from 'edge-dev/testing';

expect.extend(cloudFrontMatchers);
afterAll(closeSharedRuntime);

const handler = new URL('./ab-test.mjs', import.meta.url);

runFixtures(new URL('./fixtures/', import.meta.url), handler, { describe, it, expect });

describe('ab-test (viewer-request)', () => {
  it('puts a viewer without the cookie into one of the two groups', async () => {
    const result = await invoke(handler, viewerRequest({ uri: '/experiment.html' }));
    expect(result).toForwardRequest({ uri: /^\/experiment\/[ab]\.html$/ });
  });

  it('§1.6 CloudFront rejects a header given as a plain string', async () => {
    const result = await invoke(new URL('./mistakes/header-as-string.mjs', import.meta.url), viewerRequest({ uri: '/experiment.html' }));
    expect(result).toFailWith('LambdaValidationError', 'x-experiment-variant');
  });
});
