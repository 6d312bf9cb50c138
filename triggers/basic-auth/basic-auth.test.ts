import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedRuntime, cloudFrontMatchers, invoke, runFixtures, viewerRequest } from 'edge-dev/testing';

expect.extend(cloudFrontMatchers);
afterAll(closeSharedRuntime);

const handler = new URL('./basic-auth.mjs', import.meta.url);
const mistake = (file: string) => new URL(`./mistakes/${file}`, import.meta.url);

runFixtures(new URL('./fixtures/', import.meta.url), handler, { describe, it, expect });

describe('basic-auth (viewer-request)', () => {
  it('asks for credentials with a 401 and WWW-Authenticate', async () => {
    const result = await invoke(handler, viewerRequest({ uri: '/admin/' }));
    expect(result).toGenerateResponse(401);
    expect(result).toHaveHeader('WWW-Authenticate', /^Basic realm="edge-dev demo"/);
  });

  it('lets the right user through unchanged', async () => {
    const result = await invoke(handler, viewerRequest({ uri: '/admin/', headers: { Authorization: 'Basic YWRtaW46ZWRnZS1kZXY=' } }));
    expect(result).toForwardRequest('/admin/');
  });

  it('§8.4 CloudFront rejects a handler that forgets async (the result is null)', async () => {
    const result = await invoke(mistake('forgot-async.mjs'), viewerRequest({ uri: '/admin/' }));
    expect(result).toFailWith('LambdaValidationError', 'The JSON output must be an object type.');
    expect(result.error?.status).toBe(502);
  });
});
