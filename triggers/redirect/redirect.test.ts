import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedRuntime, cloudFrontMatchers, invoke, runFixtures, viewerRequest } from 'edge-dev/testing';

expect.extend(cloudFrontMatchers);
afterAll(closeSharedRuntime);

const handler = new URL('./redirect.mjs', import.meta.url);

runFixtures(new URL('./fixtures/', import.meta.url), handler, { describe, it, expect });

describe('redirect (viewer-request)', () => {
  it('redirects /old/<path> permanently and keeps the query string', async () => {
    const result = await invoke(handler, viewerRequest({ uri: '/old/blog/post.html?utm=x' }));
    expect(result).toRedirectTo('/blog/post.html?utm=x', 301);
  });

  it('leaves other paths alone', async () => {
    expect(await invoke(handler, viewerRequest({ uri: '/about.html' }))).toForwardRequest('/about.html');
  });

  it('§3.6 CloudFront rejects a rewritten uri without its leading "/"', async () => {
    const result = await invoke(new URL('./mistakes/relative-uri.mjs', import.meta.url), viewerRequest({ uri: '/old/about.html' }));
    expect(result).toFailWith('LambdaValidationError', 'uri');
  });
});
