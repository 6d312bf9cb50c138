import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedRuntime, cloudFrontMatchers, invoke, originResponse, runFixtures } from 'edge-dev/testing';

expect.extend(cloudFrontMatchers);
afterAll(closeSharedRuntime);

const handler = new URL('./not-found-page.mjs', import.meta.url);
// What an S3 origin answers for a missing key, with the chunked encoding CloudFront shows to the function.
const notFound = { uri: '/missing.html', status: 404, responseHeaders: { 'Content-Type': 'application/xml', 'Transfer-Encoding': 'chunked' } };

runFixtures(new URL('./fixtures/', import.meta.url), handler, { describe, it, expect });

describe('not-found-page (origin-response)', () => {
  it('turns the origin 404 into a friendly page, still 404', async () => {
    const result = await invoke(handler, originResponse(notFound));
    expect(result).toHaveStatus(404);
    expect(result).toHaveBody(/Page not found/);
    expect(result).toHaveHeader('content-type', 'text/html; charset=utf-8');
  });

  it('passes other responses through with the origin body', async () => {
    const result = await invoke(handler, originResponse({ uri: '/index.html' }));
    expect(result).toHaveStatus(200);
    expect(result.response?.body).toBeUndefined();
  });

  it('§3.3 CloudFront rejects a new response object that drops Transfer-Encoding', async () => {
    const result = await invoke(new URL('./mistakes/new-response.mjs', import.meta.url), originResponse(notFound));
    expect(result).toFailWith('LambdaValidationError', 'read-only header');
  });
});
