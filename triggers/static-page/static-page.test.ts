import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedRuntime, cloudFrontMatchers, invoke, runFixtures, viewerRequest } from 'edge-dev/testing';

expect.extend(cloudFrontMatchers);
afterAll(closeSharedRuntime);

const handler = new URL('./static-page.mjs', import.meta.url);
const mistake = (file: string) => new URL(`./mistakes/${file}`, import.meta.url);

runFixtures(new URL('./fixtures/', import.meta.url), handler, { describe, it, expect });

describe('static-page (viewer-request)', () => {
  it('generates the page at the edge', async () => {
    const result = await invoke(handler, viewerRequest({ uri: '/hello' }));
    expect(result).toGenerateResponse(200);
    expect(result).toHaveBody(/<h1>Hello from the edge<\/h1>/);
    expect(result).toHaveHeader('Cache-Control', 'max-age=100');
  });

  it('§3.8 CloudFront rejects a body that is an object, not a string', async () => {
    const result = await invoke(mistake('object-body.mjs'), viewerRequest({ uri: '/hello' }));
    expect(result).toFailWith('LambdaValidationError', 'The body is not a string');
  });

  it('§1.10 CloudFront rejects a generated response over 40 KB from viewer-request', async () => {
    const result = await invoke(mistake('too-large.mjs'), viewerRequest({ uri: '/hello' }));
    expect(result).toFailWith('LambdaValidationError', 'exceeds the maximum size');
  });
});
