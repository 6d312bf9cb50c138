import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { typeScriptCacheDir } from './bundle-typescript.js';
import { functionSpecForModule } from './function-spec.js';
import { LambdaRuntime } from './lambda-runtime.js';
import { testEvent } from './test-handlers/test-event.js';

const scratch = mkdtempSync(join(tmpdir(), 'edge-dev-runtime-formats-'));
const runtime = new LambdaRuntime();
afterAll(() => runtime.shutdown());

function write(relative: string, code: string): string {
  const path = join(scratch, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, code);
  return path;
}

const ESM = "export const handler = async (event) => ({ format: 'esm', uri: event.Records[0].cf.request.uri });\n";
const CJS = "exports.handler = async (event) => ({ format: typeof module === 'object' ? 'cjs' : 'esm' });\n";

describe('§8.4 handler modules: ESM and CommonJS', () => {
  it('§8.4 loads .mjs as ESM and .cjs as CommonJS', async () => {
    const mjs = write('plain/esm.mjs', ESM);
    const cjs = write('plain/common.cjs', CJS);
    expect(await runtime.invoke(functionSpecForModule(mjs), testEvent('/x'))).toMatchObject({ ok: true, result: { format: 'esm', uri: '/x' } });
    expect(await runtime.invoke(functionSpecForModule(cjs), testEvent())).toMatchObject({ ok: true, result: { format: 'cjs' } });
  });

  it('§8.4 loads .js by the nearest package.json "type"', async () => {
    write('typed-module/package.json', '{ "type": "module" }');
    const esm = write('typed-module/index.js', ESM);
    write('typed-commonjs/package.json', '{ "type": "commonjs" }');
    const cjs = write('typed-commonjs/index.js', CJS);
    expect(await runtime.invoke(functionSpecForModule(esm), testEvent())).toMatchObject({ ok: true, result: { format: 'esm' } });
    expect(await runtime.invoke(functionSpecForModule(cjs), testEvent())).toMatchObject({ ok: true, result: { format: 'cjs' } });
  });

  it('§8.4 finds a CommonJS handler set on module.exports, and a named export given with #', async () => {
    const path = write('plain/exports-object.cjs', 'module.exports = { other: async () => ({ which: "other" }) };\n');
    expect(await runtime.invoke(functionSpecForModule(`${path}#other`), testEvent())).toMatchObject({ ok: true, result: { which: 'other' } });
  });

  it('§8.4 runs a .ts handler without a build step, bundled into a content-keyed cache', async () => {
    write('ts/helper.ts', 'export function greet(name: string): string {\n  return `hello ${name}`;\n}\n');
    const path = write(
      'ts/handler.ts',
      [
        "import { greet } from './helper';",
        "import { basename } from 'node:path';",
        'interface Result { greeting: string; file: string; dir: string }',
        'export const handler = async (): Promise<Result> => ({',
        "  greeting: greet('edge'),",
        '  file: basename(new URL(import.meta.url).pathname),',
        '  dir: basename(__dirname),',
        '});',
        '',
      ].join('\n'),
    );
    const outcome = await runtime.invoke(functionSpecForModule(path), testEvent());
    expect(outcome).toMatchObject({ ok: true, result: { greeting: 'hello edge', file: 'handler.ts', dir: 'ts' } });
    expect(readdirSync(typeScriptCacheDir()).some((name) => name.endsWith('.mjs'))).toBe(true);
  });

  it('§8.1 a .ts handler that does not compile fails Init with the file, line and column', async () => {
    const path = write('ts/broken.ts', 'export const handler = async () => {\n  return { ;\n};\n');
    const outcome = await runtime.invoke(functionSpecForModule(path), testEvent());
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'LambdaExecutionError', status: 503 } });
    if (!outcome.ok) expect(outcome.error.detail).toMatch(/broken\.ts could not be compiled by esbuild: .*broken\.ts:2:\d+: /);
  });

  it('§8.6 a .ts handler\'s stack trace points at its .ts lines (inline source map)', async () => {
    const path = write('ts/thrower.ts', 'type Why = string;\nconst why: Why = "bad input";\nexport const handler = async (): Promise<never> => {\n  throw new Error(why);\n};\n');
    const outcome = await runtime.invoke(functionSpecForModule(path), testEvent());
    const line = outcome.logs.find((entry) => entry.includes('Invoke Error'))!;
    expect(line).toMatch(/thrower\.ts:4:9/);
  });

  it('§8.1 reload picks up a changed .ts handler', async () => {
    const path = write('ts/changing.ts', "export const handler = async () => ({ version: 'one' });\n");
    const spec = functionSpecForModule(path);
    expect(await runtime.invoke(spec, testEvent())).toMatchObject({ result: { version: 'one' } });
    write('ts/changing.ts', "export const handler = async () => ({ version: 'two' });\n");
    await runtime.reload(path);
    expect(await runtime.invoke(spec, testEvent())).toMatchObject({ result: { version: 'two' } });
  });
});
