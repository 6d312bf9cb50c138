import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { functionSpecForModule } from './function-spec.js';

describe('functionSpecForModule', () => {
  it('§8.3 a bare module is $LATEST, 128 MB, 5 s, named after its file, with a versioned ARN', () => {
    const spec = functionSpecForModule('triggers/auth viewer.mjs');
    expect(spec).toEqual({
      name: 'auth-viewer',
      version: '$LATEST',
      arn: 'arn:aws:lambda:us-east-1:123456789012:function:auth-viewer:$LATEST',
      modulePath: resolve('triggers/auth viewer.mjs'),
      exportName: 'handler',
      runtime: 'nodejs20.x',
      memorySize: 128,
      timeout: 5,
      region: 'us-east-1',
    });
    expect(Object.isFrozen(spec)).toBe(true);
  });

  it('§8.3 takes an export after # and applies overrides', () => {
    const spec = functionSpecForModule('/srv/origin.cjs#rewrite', { name: 'rewriter', version: '4', timeout: 30, memorySize: 512 });
    expect(spec).toMatchObject({
      name: 'rewriter',
      version: '4',
      arn: 'arn:aws:lambda:us-east-1:123456789012:function:rewriter:4',
      modulePath: '/srv/origin.cjs',
      exportName: 'rewrite',
      memorySize: 512,
      timeout: 30,
    });
  });

  it('§4 rejects values Lambda does not accept, naming the field and the range', () => {
    expect(() => functionSpecForModule('/srv/a.mjs', { memorySize: 64 })).toThrow(/memorySize: is 64; use a whole number of MB from 128 to 10240/);
    expect(() => functionSpecForModule('/srv/a.mjs', { timeout: 0 })).toThrow(/timeout: is 0; use a number of seconds/);
    expect(() => functionSpecForModule('/srv/a.mjs', { concurrency: 0 })).toThrow(/concurrency: is 0/);
  });
});
