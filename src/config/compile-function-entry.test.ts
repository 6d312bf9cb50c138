import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileFunctionEntry, findFunctionEntry, type FunctionEntry } from './compile-function-entry.js';
import { rootLocation } from './json-location.js';

let dir: string;
let configFile: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edge-dev-fn-'));
  configFile = join(dir, 'edge-dev.config.json');
  await writeFile(join(dir, 'auth.mjs'), 'export const handler = async (e) => e.Records[0].cf.request;\n');
  await writeFile(join(dir, 'index.js'), 'exports.handler = async () => null;\n');
});
const loc = rootLocation('edge-dev.config.json', 'functions.auth');
const compile = (key: string, value: unknown) => compileFunctionEntry(key, value, loc, configFile, { warnings: [] });

describe('compileFunctionEntry', () => {
  it('reads a module path with an optional #export, relative to the config file', () => {
    expect(compile('auth', './auth.mjs')).toMatchObject({ modulePath: join(dir, 'auth.mjs'), exportName: 'handler', runtime: 'nodejs20.x', memorySize: 128 });
    expect(compile('auth', './auth.mjs#other').exportName).toBe('other');
  });

  it('reads the object form', () => {
    const entry = compile('auth', { handler: './auth.mjs', runtime: 'nodejs22.x', memorySize: 256, timeout: 0.5, concurrency: 2, environment: { A: 'b' } });
    expect(entry).toMatchObject({ runtime: 'nodejs22.x', memorySize: 256, timeout: 0.5, concurrency: 2, environment: { A: 'b' } });
  });

  it('rejects a missing handler file, naming the path and the fix', () => {
    expect(() => compile('auth', './nope.js')).toThrow(/functions\.auth: handler file .*nope\.js does not exist: fix the path/);
  });

  it('hints at path#export for Lambda-style handler strings', () => {
    expect(() => compile('auth', 'index.handler')).toThrow(/write "index\.js#handler"/);
  });

  it('rejects bad options and keys', () => {
    expect(() => compile('auth', { handler: './auth.mjs', runtime: 'python3.12' })).toThrow(/runtime: "python3.12" does not run a Node.js handler; use e.g. "nodejs20.x"/);
    expect(() => compile('auth', { handler: './auth.mjs', memorySize: 64 })).toThrow(/memorySize: 64 is out of range/);
    expect(() => compile('us-east-1.auth', './auth.mjs')).toThrow(/neither a Lambda function ARN nor a function name/);
  });
});

describe('findFunctionEntry', () => {
  it('interface.md: the most specific key wins (versioned ARN, then unversioned ARN, then name)', () => {
    const base = 'arn:aws:lambda:us-east-1:123456789012:function:auth';
    const entries = new Map<string, FunctionEntry>(
      ['auth', base, `${base}:3`].map((key) => [key, { key } as FunctionEntry]),
    );
    expect(findFunctionEntry(`${base}:3`, entries)?.key).toBe(`${base}:3`);
    expect(findFunctionEntry(`${base}:4`, entries)?.key).toBe(base);
    entries.delete(base);
    expect(findFunctionEntry(`${base}:4`, entries)?.key).toBe('auth');
    expect(findFunctionEntry('arn:aws:lambda:us-east-1:123456789012:function:other:1', entries)).toBeUndefined();
  });
});
