import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeFunction } from './functions.js';
import { cloudFrontFunctionEvent } from '../functions/index.js';

const dir = mkdtempSync(join(tmpdir(), 'edge-dev-invoke-function-'));
function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}
const event = cloudFrontFunctionEvent('viewer-request');

// reference §9: invokeFunction() builds the function as `serve` does (config/build-cloudfront-function-spec.ts).
describe('invokeFunction() refuses what serve refuses', () => {
  it('§9 code over 10 KB (dg:cloudfront-limits)', () => {
    const big = file('big.js', `function handler(e) { return e.request; }\n//${'x'.repeat(10 * 1024)}`);
    expect(() => invokeFunction(big, event)).toThrow(/invokeFunction\(\): code: .*big\.js is 10\d{3} bytes; a CloudFront Function's code may be at most 10240 bytes/);
  });

  it('§9 a key value store on cloudfront-js-1.0 (dg:kvs-with-functions)', () => {
    const code = file('v1.js', 'function handler(e) { return e.request; }');
    expect(() => invokeFunction(code, event, { runtime: 'cloudfront-js-1.0', keyValueStore: { a: 'b' } })).toThrow(
      /invokeFunction\(\) options: keyValueStore: needs the cloudfront-js-2.0 runtime/,
    );
    expect(invokeFunction(code, event, { runtime: 'cloudfront-js-1.0' }).error).toBeUndefined();
  });
});
