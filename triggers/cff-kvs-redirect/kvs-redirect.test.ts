import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cloudFrontFunctionEvent, invokeFunction, runFunctionFixtures } from 'edge-dev/testing';

const code = new URL('./kvs-redirect.js', import.meta.url);
const store = JSON.parse(readFileSync(new URL('./store.json', import.meta.url), 'utf8')) as { data: { key: string; value: string }[] };
const keyValueStore = Object.fromEntries(store.data.map(({ key, value }) => [key, value]));

runFunctionFixtures(new URL('./fixtures/', import.meta.url), code, { describe, it, expect }, { keyValueStore });

describe('kvs-redirect (CloudFront Function with a key value store)', () => {
  it('§9 redirects a stored path to its stored target (dg:functions-custom-methods)', () => {
    const result = invokeFunction(code, cloudFrontFunctionEvent('viewer-request', { uri: '/old-page' }), { keyValueStore });
    expect(result.output).toMatchObject({ response: { statusCode: 301, headers: { location: { value: 'https://example.com/new-page' } } } });
  });
});
