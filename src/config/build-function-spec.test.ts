import { describe, it, expect } from 'vitest';
import type { LambdaEventType } from '../event/types.js';
import { buildFunctionSpec, checkAssociationArn, checkFunctionLimits, defaultTimeout } from './build-function-spec.js';
import type { FunctionEntry } from './compile-function-entry.js';
import { compileSettings } from './compile-settings.js';
import { rootLocation } from './json-location.js';

const loc = rootLocation('dist.json', 'DefaultCacheBehavior.LambdaFunctionAssociations.Items[0].LambdaFunctionARN');
const entry: FunctionEntry = { key: 'auth', loc, modulePath: '/x/auth.js', exportName: 'handler', runtime: 'nodejs20.x', memorySize: 128 };
const settings = compileSettings({ region: 'eu-central-1' }, rootLocation('c', 'settings'), { warnings: [] });
const types = (...t: LambdaEventType[]) => new Set(t);

describe('buildFunctionSpec', () => {
  it('§4 (D28) defaults the timeout by the strictest associated event type; D50 unassociated counts as viewer', () => {
    expect(defaultTimeout(types('origin-request', 'origin-response'))).toBe(30);
    expect(defaultTimeout(types('origin-request', 'viewer-response'))).toBe(5);
    expect(defaultTimeout(types())).toBe(5);
  });

  it('§8.3 takes name and version from the ARN, the Region from settings', () => {
    const spec = buildFunctionSpec('arn:aws:lambda:us-east-1:123456789012:function:auth:7', entry, types('origin-request'), settings);
    expect(spec).toEqual({
      name: 'auth',
      version: '7',
      arn: 'arn:aws:lambda:us-east-1:123456789012:function:auth:7',
      modulePath: '/x/auth.js',
      exportName: 'handler',
      runtime: 'nodejs20.x',
      memorySize: 128,
      timeout: 30,
      region: 'eu-central-1',
    });
    expect(buildFunctionSpec('arn:aws:lambda:us-east-1:123456789012:function:auth', entry, types(), settings).version).toBe('$LATEST');
    expect(buildFunctionSpec('auth', { ...entry, timeout: 2, concurrency: 1 }, types(), settings)).toMatchObject({
      name: 'auth',
      version: '$LATEST',
      timeout: 2,
      concurrency: 1,
    });
  });
});

describe('checkAssociationArn', () => {
  function warningsFor(arn: string): string[] {
    const diagnostics = { warnings: [] as string[] };
    checkAssociationArn(arn, loc, diagnostics);
    return diagnostics.warnings;
  }

  it('§10.1 warns (pointing at edge-dev check) about $LATEST, unqualified and alias ARNs', () => {
    expect(warningsFor('arn:aws:lambda:us-east-1:123456789012:function:auth:3')).toEqual([]);
    expect(warningsFor('arn:aws:lambda:us-east-1:123456789012:function:auth:$LATEST')[0]).toMatch(/uses \$LATEST; .*run `edge-dev check`/);
    expect(warningsFor('arn:aws:lambda:us-east-1:123456789012:function:auth')[0]).toMatch(/uses an unqualified ARN/);
    expect(warningsFor('arn:aws:lambda:us-east-1:123456789012:function:auth:live')[0]).toMatch(/the alias "live"/);
  });

  it('§10.1 warns about a function outside us-east-1', () => {
    expect(warningsFor('arn:aws:lambda:eu-west-1:123456789012:function:auth:3')).toEqual([
      expect.stringContaining('the function is in eu-west-1; Lambda@Edge functions must be in us-east-1'),
    ]);
  });

  it('§4 (D28) warns about viewer functions above 5 s or 128 MB', () => {
    const diagnostics = { warnings: [] as string[] };
    const spec = buildFunctionSpec('auth', { ...entry, timeout: 10, memorySize: 512 }, types('viewer-request'), settings);
    checkFunctionLimits(spec, types('viewer-request'), loc, diagnostics);
    expect(diagnostics.warnings).toHaveLength(2);
    const origin = { warnings: [] as string[] };
    checkFunctionLimits(spec, types('origin-request'), loc, origin);
    expect(origin.warnings).toEqual([]);
  });
});
