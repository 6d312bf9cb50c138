import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from './run-check.js';
import { toText } from './report.js';

const dir = mkdtempSync(join(tmpdir(), 'edge-dev-check-cff-'));
const configFile = join(dir, 'edge-dev.config.json');
writeFileSync(join(dir, 'small.js'), 'function handler(e) { return e.request; }');
writeFileSync(join(dir, 'big.js'), `function handler(e) { return e.request; }\n//${'x'.repeat(10 * 1024)}`);
const cff = (name: string) => `arn:aws:cloudfront::123456789012:function/${name}`;
const lambda = 'arn:aws:lambda:us-east-1:123456789012:function:auth:3';

function distribution(functions: { EventType: string; FunctionARN: string }[], lambdas: { EventType: string; LambdaFunctionARN: string }[] = []) {
  return {
    DefaultCacheBehavior: {
      TargetOriginId: 'o',
      FunctionAssociations: { Quantity: functions.length, Items: functions },
      LambdaFunctionAssociations: { Quantity: lambdas.length, Items: lambdas },
    },
  };
}
const check = (functions: { EventType: string; FunctionARN: string }[], configFunctions: Record<string, unknown> = {}, lambdas: { EventType: string; LambdaFunctionARN: string }[] = []) =>
  runCheck({ configFile, configFunctionsFile: configFile, distributionConfig: distribution(functions, lambdas), configFunctions, now: new Date('2026-02-01T00:00:00Z') });
const codes = (result: ReturnType<typeof runCheck>) => result.findings.map((f) => `${f.severity}:${f.code}`);

describe('check: CloudFront Function rules (§9)', () => {
  it('§9 a valid function passes and is listed as a function the check looked at', () => {
    const result = check([{ EventType: 'viewer-request', FunctionARN: cff('small') }], { small: './small.js' });
    expect(codes(result)).toEqual([]);
    expect(result.functions).toEqual([cff('small')]);
    expect(toText(result, { color: false })).toContain(`function ${cff('small')}  ok`);
  });

  it('§9 event types: viewer-request and viewer-response only (api:FunctionAssociation)', () => {
    expect(codes(check([{ EventType: 'origin-request', FunctionARN: cff('small') }], { small: './small.js' }))).toEqual(['error:CFF_EVENT_TYPE']);
  });

  it('§9 one function per event type per behavior; the FunctionARN is a CloudFront Function ARN', () => {
    const twice = check([
      { EventType: 'viewer-request', FunctionARN: cff('a') },
      { EventType: 'viewer-request', FunctionARN: cff('b') },
    ]);
    expect(codes(twice)).toEqual(['error:CFF_DUPLICATE_EVENT_TYPE']);
    expect(codes(check([{ EventType: 'viewer-request', FunctionARN: lambda }]))).toEqual(['error:CFF_ARN_INVALID']);
  });

  it('§9 code size: more than 10 KB is an error naming the entry (dg:cloudfront-limits)', () => {
    const result = check([{ EventType: 'viewer-request', FunctionARN: cff('big') }], { big: './big.js' });
    expect(codes(result)).toEqual(['error:CFF_CODE_SIZE']);
    expect(result.findings[0]).toMatchObject({ statement: 'functions["big"].code', function: cff('big'), file: configFile });
  });

  it('§9 runtime: cloudfront-js-1.0 or 2.0 only', () => {
    expect(codes(check([], { f: { code: './small.js', runtime: 'nodejs20.x' } }))).toEqual(['error:CFF_RUNTIME']);
  });

  it('§9 key value stores: one per function, and only on cloudfront-js-2.0', () => {
    expect(codes(check([], { f: { code: './small.js', keyValueStore: ['a.json', 'b.json'] } }))).toEqual(['error:CFF_KVS_COUNT']);
    expect(codes(check([], { f: { code: './small.js', runtime: 'cloudfront-js-1.0', keyValueStore: 'a.json' } }))).toEqual(['error:CFF_KVS_RUNTIME']);
  });

  it('§9 the CFF/L@E combination rule stays: not both on the same viewer event', () => {
    const result = check([{ EventType: 'viewer-request', FunctionARN: cff('small') }], { small: './small.js' }, [{ EventType: 'viewer-request', LambdaFunctionARN: lambda }]);
    expect(codes(result)).toContain('error:ASSOCIATION_CFF_AND_LAMBDA');
  });

  it('§9 the report lists the findings under each function, as for Lambda@Edge functions', () => {
    const result = check(
      [
        { EventType: 'viewer-request', FunctionARN: cff('one') },
        { EventType: 'viewer-response', FunctionARN: cff('two') },
      ],
      { one: { code: './small.js', runtime: 'cloudfront-js-3.0' }, two: { code: './small.js', runtime: 'cloudfront-js-3.0' } },
    );
    const text = toText(result, { color: false });
    expect(text).toMatch(/^functions\n {2}error {3}CFF_RUNTIME/m);
    expect(text).toContain(`function: ${cff('one')}`);
    expect(text).toContain(`function: ${cff('two')}`);
    expect(text).not.toContain('input config');
  });
});
