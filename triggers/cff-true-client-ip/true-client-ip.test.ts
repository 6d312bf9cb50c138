import { describe, expect, it } from 'vitest';
import { cloudFrontFunctionEvent, invokeFunction, runFunctionFixtures } from 'edge-dev/testing';

const code = new URL('./true-client-ip.js', import.meta.url);

runFunctionFixtures(new URL('./fixtures/', import.meta.url), code, { describe, it, expect }, { runtime: 'cloudfront-js-1.0' });

describe('true-client-ip (CloudFront Function, viewer-request)', () => {
  it('§9 an upper-case header name fails validation: FunctionValidationError naming the header', () => {
    const result = invokeFunction(new URL('./mistakes/upper-case-header.js', import.meta.url), cloudFrontFunctionEvent('viewer-request'), { runtime: 'cloudfront-js-1.0' });
    expect(result.error).toMatchObject({ kind: 'FunctionValidationError', status: 502, detail: expect.stringContaining('request.headers["True-Client-IP"]') });
  });
});
