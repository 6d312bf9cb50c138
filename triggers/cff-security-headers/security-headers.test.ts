import { describe, expect, it } from 'vitest';
import { cloudFrontFunctionEvent, invokeFunction, runFunctionFixtures } from 'edge-dev/testing';

const code = new URL('./security-headers.js', import.meta.url);

runFunctionFixtures(new URL('./fixtures/', import.meta.url), code, { describe, it, expect }, { runtime: 'cloudfront-js-1.0' });

describe('security-headers (CloudFront Function, viewer-response)', () => {
  it('§9 adds HSTS and keeps the status', () => {
    const result = invokeFunction(code, cloudFrontFunctionEvent('viewer-response', { status: 200 }), { runtime: 'cloudfront-js-1.0' });
    expect(result.output).toMatchObject({ response: { statusCode: 200, headers: { 'strict-transport-security': { value: 'max-age=63072000; includeSubdomains; preload' } } } });
  });
});
