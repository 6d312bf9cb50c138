import { describe, expect, it } from 'vitest';
import { cloudFrontFunctionEvent, invokeFunction, runFunctionFixtures } from 'edge-dev/testing';

const code = new URL('./url-rewrite.js', import.meta.url);

runFunctionFixtures(new URL('./fixtures/', import.meta.url), code, { describe, it, expect });

describe('url-rewrite (CloudFront Function, viewer-request)', () => {
  it('§9 appends index.html to a directory URI', () => {
    expect(invokeFunction(code, cloudFrontFunctionEvent('viewer-request', { uri: '/docs/' })).output).toMatchObject({ request: { uri: '/docs/index.html' } });
  });

  it('§9 the same idea with const fails to load in cloudfront-js-1.0, naming the line', () => {
    const result = () => invokeFunction(new URL('./mistakes/const-in-1.0.js', import.meta.url), cloudFrontFunctionEvent('viewer-request'), { runtime: 'cloudfront-js-1.0' });
    expect(result).toThrow(/line 3: `const` is not supported by cloudfront-js-1\.0/);
  });
});
