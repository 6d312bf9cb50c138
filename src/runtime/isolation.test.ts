import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { functionSpecForModule } from './function-spec.js';
import { LOCAL_CREDENTIALS } from './lambda-env.js';
import { LambdaRuntime } from './lambda-runtime.js';
import { testEvent } from './test-handlers/test-event.js';
import type { FunctionSpec, InvokeOutcome } from './types.js';

// Issue 14: each environment is a process of its own, isolated as Lambda isolates it (§8). Every handler here is
// written into a temp dir this file creates.
const scratch = mkdtempSync(join(tmpdir(), 'edge-dev-isolation-'));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
process.env.EDGE_DEV_ISOLATION_SECRET = 'visible-only-to-the-test-process';
const runtime = new LambdaRuntime();
afterAll(() => runtime.shutdown());

function handler(relativePath: string, code: string, overrides: Partial<FunctionSpec> = {}): FunctionSpec {
  const path = join(scratch, relativePath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, code);
  return functionSpecForModule(path, overrides);
}

function resultOf(outcome: InvokeOutcome): Record<string, any> {
  if (!outcome.ok) throw new Error(`invocation failed: ${outcome.error.detail}`);
  return outcome.result as Record<string, any>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('issue 14: one process per execution environment', () => {
  it('§8.2 (D46) /proc/self/environ holds exactly Lambda\'s variables, nothing of the developer\'s shell', async () => {
    const spec = handler(
      'environ/app.mjs',
      "import { readFileSync } from 'node:fs';\n" +
        "export const handler = async () => ({ environ: readFileSync('/proc/self/environ', 'utf8').split('\\0').filter(Boolean), env: { ...process.env } });\n",
    );
    const result = resultOf(await runtime.invoke(spec, testEvent()));
    const names = (result.environ as string[]).map((entry) => entry.slice(0, entry.indexOf('='))).sort();
    expect(names).toEqual(Object.keys(result.env).sort());
    expect(names).not.toContain('HOME');
    expect(names).not.toContain('EDGE_DEV_ISOLATION_SECRET');
    expect(names).toContain('AWS_LAMBDA_FUNCTION_NAME');
  });

  it('§8.1 (D25) process.kill(process.pid, "SIGTERM") ends only that environment', async () => {
    const bystander = handler('bystander/app.mjs', 'let n = 0;\nexport const handler = async () => ({ n: ++n });\n');
    const killer = handler(
      'killer/app.mjs',
      "export const handler = async () => { process.kill(process.pid, 'SIGTERM'); await new Promise((r) => setTimeout(r, 1000)); return {}; };\n",
    );
    expect(resultOf(await runtime.invoke(bystander, testEvent()))).toEqual({ n: 1 });
    const outcome = await runtime.invoke(killer, testEvent());
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'LambdaExecutionError', status: 503 } });
    if (!outcome.ok) expect(outcome.error.detail).toMatch(/was ended by signal SIGTERM; the environment was reset/);
    expect(outcome.logs).toContain(`RequestId: ${outcome.awsRequestId} Error: Runtime exited with error: signal: terminated\nRuntime.ExitError`);
    expect(resultOf(await runtime.invoke(bystander, testEvent()))).toEqual({ n: 2 });
  });

  it('§8.5 (D25) Buffers count: 1 GiB filled three times at memorySize 128 runs out of memory at 128 MB', async () => {
    const spec = handler(
      'hoarder/app.mjs',
      'export const handler = async () => { const kept = []; for (let i = 0; i < 3; i++) kept.push(Buffer.alloc(1 << 30, 1)); return { kept: kept.length }; };\n',
      { timeout: 30 },
    );
    const outcome = await runtime.invoke(spec, testEvent());
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.detail).toMatch(/ran out of memory \(memorySize 128 MB\)/);
    expect(outcome.logs.at(-1)).toMatch(/\tMax Memory Used: 128 MB\t.*Error Type: Runtime\.OutOfMemory$/);
  });

  it('§8.6 REPORT Max Memory Used is the process\'s resident set, Buffers included', async () => {
    const spec = handler(
      'buffers/app.mjs',
      'let kept;\nexport const handler = async () => { kept = Buffer.alloc(80 * 1048576, 1); return { size: kept.length }; };\n',
      { memorySize: 256 },
    );
    const outcome = await runtime.invoke(spec, testEvent());
    const used = Number(/Max Memory Used: (\d+) MB/.exec(outcome.logs.at(-1)!)![1]);
    expect(used).toBeGreaterThanOrEqual(80);
    expect(used).toBeLessThanOrEqual(256);
  });

  it('§8.1 an environment is frozen between invocations: a setInterval left running does not fire', async () => {
    const spec = handler(
      'ticker/app.mjs',
      'let ticks = 0;\nlet timer;\nexport const handler = async () => { timer ??= setInterval(() => ticks++, 5); return { ticks }; };\n',
    );
    await runtime.invoke(spec, testEvent());
    await sleep(300);
    const { ticks } = resultOf(await runtime.invoke(spec, testEvent()));
    // Unfrozen, 300 ms of a 5 ms interval is some 60 ticks.
    expect(ticks).toBeLessThan(10);
  });

  it('§8.2 the working directory and LAMBDA_TASK_ROOT are the function\'s package root', async () => {
    mkdirSync(join(scratch, 'project/src'), { recursive: true });
    writeFileSync(join(scratch, 'project/package.json'), '{ "type": "module" }');
    writeFileSync(join(scratch, 'project/config.json'), '{ "greeting": "from the package root" }');
    const spec = handler(
      'project/src/handlers/app.js',
      "import { readFileSync } from 'node:fs';\nexport const handler = async () => ({ config: JSON.parse(readFileSync('./config.json', 'utf8')), cwd: process.cwd(), root: process.env.LAMBDA_TASK_ROOT, handlerName: process.env._HANDLER });\n",
    );
    expect(resultOf(await runtime.invoke(spec, testEvent()))).toEqual({
      config: { greeting: 'from the package root' },
      cwd: join(scratch, 'project'),
      root: join(scratch, 'project'),
      handlerName: 'src/handlers/app.handler',
    });
  });

  it('§8.2 each environment has a TMPDIR of its own, removed when it ends', async () => {
    const spec = handler(
      'tmp/app.mjs',
      "import { tmpdir } from 'node:os';\nimport { writeFileSync } from 'node:fs';\nexport const handler = async () => { writeFileSync(tmpdir() + '/scratch.txt', 'x'); return { tmp: tmpdir() }; };\n",
    );
    const local = new LambdaRuntime();
    const [one, two] = await Promise.all([local.invoke(spec, testEvent()), local.invoke(spec, testEvent())]);
    expect(resultOf(one).tmp).not.toBe(resultOf(two).tmp);
    expect(existsSync(resultOf(one).tmp)).toBe(true);
    await local.shutdown();
    expect(existsSync(resultOf(one).tmp)).toBe(false);
  });

  it('D46 an AWS SDK finds the local credentials in the environment and never asks the metadata service', async () => {
    const spec = handler(
      'sdk/app.mjs',
      "import { createRequire } from 'node:module';\n" +
        `const require = createRequire(${JSON.stringify(repoRoot)});\n` +
        "const { CloudFrontClient } = require('@aws-sdk/client-cloudfront');\n" +
        'export const handler = async () => { const { accessKeyId, secretAccessKey, sessionToken } = await new CloudFrontClient({}).config.credentials(); return { accessKeyId, secretAccessKey, sessionToken }; };\n',
      { timeout: 3 },
    );
    expect(resultOf(await runtime.invoke(spec, testEvent()))).toEqual({
      accessKeyId: LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID,
      secretAccessKey: LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
      sessionToken: LOCAL_CREDENTIALS.AWS_SESSION_TOKEN,
    });
  });

  it('§8.1 an AWS SDK v3 package that is nowhere installed fails Init naming the package and the fix', async () => {
    const spec = handler('no-sdk/app.mjs', "import { S3Client } from '@aws-sdk/client-s3';\nexport const handler = async () => ({ ok: !!S3Client });\n");
    const outcome = await runtime.invoke(spec, testEvent());
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.detail).toMatch(/imports @aws-sdk\/client-s3.*Lambda's Node\.js runtime includes AWS SDK v3.*npm install --save-dev @aws-sdk\/client-s3/);
    }
  });

  it('§8.6 a console line is cut at 256 KiB inside the environment, with a note', async () => {
    const spec = handler('chatty/app.mjs', "export const handler = async () => { console.log('x'.repeat(5_000_000)); return {}; };\n");
    const outcome = await runtime.invoke(spec, testEvent());
    const line = outcome.logs.find((entry) => entry.includes('\tINFO\t'))!;
    expect(line.length).toBeLessThan(263_000);
    expect(line).toMatch(/line of 5000000 characters cut at 262144\]$/);
  });
});
