import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileConfig } from './load-config.js';

const dir = mkdtempSync(join(tmpdir(), 'edge-dev-cff-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return `./${name}`;
};
const REWRITE = file('rewrite.js', 'function handler(event) { return event.request; }');
const ARN = 'arn:aws:cloudfront::111122223333:function/rewrite';

function config(functions: Record<string, unknown>, eventType = 'viewer-request') {
  return {
    distribution: {
      Origins: { Quantity: 1, Items: [{ Id: 'o', DomainName: 'example.com', CustomOriginConfig: { OriginProtocolPolicy: 'http-only' } }] },
      DefaultCacheBehavior: {
        TargetOriginId: 'o',
        ViewerProtocolPolicy: 'allow-all',
        CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
        FunctionAssociations: { Quantity: 1, Items: [{ FunctionARN: ARN, EventType: eventType }] },
      },
    },
    functions,
  };
}
const compile = (functions: Record<string, unknown>) => compileConfig(config(functions), join(dir, 'edge-dev.config.json')).distribution;

describe('CloudFront Functions in `functions`', () => {
  it('§9 resolves an association by its FunctionARN or by NAME, runtime default cloudfront-js-2.0 (interface.md)', () => {
    const byArn = compile({ [ARN]: REWRITE }).behaviors[0]!.cloudFrontFunctions?.['viewer-request'];
    expect(byArn).toMatchObject({ arn: ARN, fn: { name: 'rewrite', arn: ARN, runtime: 'cloudfront-js-2.0' } });
    const byName = compile({ rewrite: { code: REWRITE, runtime: 'cloudfront-js-1.0' } });
    expect(byName.behaviors[0]!.cloudFrontFunctions?.['viewer-request']?.fn.runtime).toBe('cloudfront-js-1.0');
    expect(byName.cloudFrontFunctions?.get('rewrite')?.arn).toBe(ARN);
  });

  it('§9 reads the key value store in CloudFront import format and checks its limits (dg:cloudfront-limits)', () => {
    const store = file('store.json', JSON.stringify({ data: [{ key: 'a', value: '1' }] }));
    expect(compile({ rewrite: { code: REWRITE, keyValueStore: store } }).cloudFrontFunctions?.get('rewrite')?.keyValueStore?.entries.get('a')).toBe('1');
    const big = file('big.json', JSON.stringify({ data: [{ key: 'k', value: 'x'.repeat(1025) }] }));
    expect(() => compile({ rewrite: { code: REWRITE, keyValueStore: big } })).toThrow(/big\.json: data\[0\]\.value: is 1025 bytes; CloudFront allows 1024/);
    expect(() => compile({ rewrite: { code: REWRITE, runtime: 'cloudfront-js-1.0', keyValueStore: store } })).toThrow(/keyValueStore: needs the cloudfront-js-2.0 runtime/);
  });

  it('§9 refuses at load what publishing refuses: 1.0 syntax with the line, code over 10 KB, no handler', () => {
    const letCode = file('let.js', 'function handler(event) {\n  let x = 1;\n  return event.request;\n}');
    expect(() => compile({ rewrite: { code: letCode, runtime: 'cloudfront-js-1.0' } })).toThrow(/functions\.rewrite\.code: .*let\.js line 2: `let` is not supported by cloudfront-js-1\.0/);
    const huge = file('huge.js', `function handler(e) { return e.request; }\n//${'x'.repeat(10 * 1024)}`);
    expect(() => compile({ rewrite: huge })).toThrow(/at most 10240 bytes/);
    expect(() => compile({ rewrite: file('none.js', 'var x = 1;') })).toThrow(/no `function handler\(event\)`/);
  });

  it('§9 names the missing code of an association and the keys that would supply it', () => {
    expect(() => compile({})).toThrow(/FunctionARN: no local code for arn:aws:cloudfront::111122223333:function\/rewrite: add a `functions` entry keyed by .* or "rewrite"/);
  });
});
