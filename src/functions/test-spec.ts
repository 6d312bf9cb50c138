import type { CloudFrontFunctionSpec, FunctionRuntimeName } from './types.js';

/** A function spec for unit tests, with an in-memory store. */
export function testSpec(code: string, runtime: FunctionRuntimeName = 'cloudfront-js-2.0', store: Record<string, string> = {}): CloudFrontFunctionSpec {
  return {
    name: 'test-fn',
    arn: 'arn:aws:cloudfront::123456789012:function/test-fn',
    runtime,
    codePath: '/virtual/test-fn.js',
    code,
    keyValueStore: { file: '/virtual/store.json', entries: new Map(Object.entries(store)), bytes: 0, modified: new Date(0) },
  };
}
