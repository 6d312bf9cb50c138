import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { functionSpecForModule } from './function-spec.js';
import { LambdaRuntime } from './lambda-runtime.js';
import { testEvent } from './test-handlers/test-event.js';
import type { FunctionSpec, InvokeOutcome } from './types.js';

const handlers = fileURLToPath(new URL('./test-handlers/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'edge-dev-runtime-failures-'));
const runtime = new LambdaRuntime({ initTimeoutMs: 300 });
afterAll(() => runtime.shutdown());

function lifecycle(name: string, overrides: Partial<FunctionSpec> = {}): FunctionSpec {
  return functionSpecForModule(`${handlers}lifecycle.mjs`, { name, ...overrides });
}

function handlerFile(name: string, code: string): string {
  const path = join(scratch, name);
  writeFileSync(path, code);
  return path;
}

function expectExecutionError(outcome: InvokeOutcome, detail: RegExp): void {
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  expect(outcome.error.kind).toBe('LambdaExecutionError');
  expect(outcome.error.status).toBe(503);
  expect(outcome.error.message).toBe(
    "The Lambda function associated with the CloudFront distribution is invalid or doesn't have the required permissions.",
  );
  expect(outcome.error.detail).toMatch(detail);
}

/** The environment was reset: the next invocation is a cold start with a fresh module. */
async function expectFreshEnvironment(spec: FunctionSpec): Promise<void> {
  const next = await runtime.invoke(spec, testEvent('/count'));
  expect(next).toMatchObject({ ok: true, result: { invocations: 1 } });
  expect(next.initDurationMs).toBeGreaterThan(0);
}

describe('execution environment limits and crashes', () => {
  it('§8.5 (D26) cuts the invocation at the timeout, logs "Task timed out" and resets the environment', async () => {
    const spec = lifecycle('slowpoke', { timeout: 0.5 });
    await runtime.invoke(spec, testEvent('/count'));
    const outcome = await runtime.invoke(spec, testEvent('/hang'));
    expectExecutionError(outcome, /^timeout: .*0\.5 s/);
    const id = outcome.awsRequestId;
    const line = outcome.logs.find((entry) => entry.includes('Task timed out'))!;
    expect(line).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z ${id} Task timed out after 0\\.5\\d seconds$`));
    expect(outcome.logs.at(-2)).toBe(`END RequestId: ${id}`);
    expect(outcome.logs.at(-1)).toMatch(/\tDuration: 5\d\d\.\d\d ms\t.*\tStatus: timeout$/);
    expect(outcome.durationMs).toBeGreaterThanOrEqual(500);
    await expectFreshEnvironment(spec);
  });

  it('§8.5 (D26) a synchronous endless loop is cut at the timeout too', async () => {
    const spec = lifecycle('spinner', { timeout: 0.3 });
    expectExecutionError(await runtime.invoke(spec, testEvent('/spin')), /^timeout: /);
    await expectFreshEnvironment(spec);
  });

  it('§8.5 (D25) running out of the configured memory ends only that environment', async () => {
    const spec = lifecycle('hoarder', { timeout: 30 });
    const bystander = lifecycle('bystander');
    await runtime.invoke(bystander, testEvent('/count'));
    const outcome = await runtime.invoke(spec, testEvent('/oom'));
    expectExecutionError(outcome, /ran out of memory \(memorySize 128 MB\)/);
    expect(outcome.logs).toContain(`RequestId: ${outcome.awsRequestId} Error: Runtime exited with error: signal: killed\nRuntime.OutOfMemory`);
    expect(outcome.logs.at(-1)).toMatch(/\tMax Memory Used: 128 MB(\tInit Duration: [\d.]+ ms)?\tStatus: error\tError Type: Runtime\.OutOfMemory$/);
    expect(await runtime.invoke(bystander, testEvent('/count'))).toMatchObject({ ok: true, result: { invocations: 2 } });
    await expectFreshEnvironment(spec);
  });

  it('§8.1 (D25) process.exit ends the environment and fails the invocation', async () => {
    const spec = lifecycle('quitter');
    const outcome = await runtime.invoke(spec, testEvent('/exit'));
    expectExecutionError(outcome, /exited with code 3/);
    expect(outcome.logs).toContain(`RequestId: ${outcome.awsRequestId} Error: Runtime exited with error: exit status 3\nRuntime.ExitError`);
    await expectFreshEnvironment(spec);
  });

  it('§8.1 (D25) an uncaught exception in a timer ends the environment', async () => {
    const spec = lifecycle('timer-thrower');
    const outcome = await runtime.invoke(spec, testEvent('/timer-throw'));
    expectExecutionError(outcome, /uncaught exception: RangeError: thrown in a timer/);
    const line = outcome.logs.find((entry) => entry.includes('\tERROR\tUncaught Exception \t'))!;
    expect(JSON.parse(line.slice(line.indexOf('{')))).toMatchObject({ errorType: 'RangeError', errorMessage: 'thrown in a timer' });
    expect(outcome.logs).toContain(`RequestId: ${outcome.awsRequestId} Error: Runtime exited with error: exit status 129\nRuntime.ExitError`);
    await expectFreshEnvironment(spec);
  });

  it('§8.1 (D25) an unhandled rejection ends the environment', async () => {
    const spec = lifecycle('rejecter');
    const outcome = await runtime.invoke(spec, testEvent('/reject-later'));
    expectExecutionError(outcome, /unhandled promise rejection: Error: nobody caught this/);
    expect(outcome.logs.some((entry) => entry.includes('\tERROR\tUnhandled Promise Rejection \t{"errorType":"Runtime.UnhandledPromiseRejection"'))).toBe(true);
    await expectFreshEnvironment(spec);
  });
});

describe('Init failures name the file and the fix', () => {
  it('§8.1 a missing module file', async () => {
    const path = join(scratch, 'does-not-exist.mjs');
    const outcome = await runtime.invoke(functionSpecForModule(path), testEvent());
    expectExecutionError(outcome, new RegExp(`^${path} could not be loaded: the file does not exist\\. Check the handler path`));
    expect(outcome.logs.some((line) => line.includes('Status: error\tError Type: Runtime.ImportModuleError'))).toBe(true);
  });

  it('§8.1 a module without the named export lists what it exports', async () => {
    const path = handlerFile('no-export.mjs', 'export const handle = async () => ({});\nexport default 1;\n');
    const outcome = await runtime.invoke(functionSpecForModule(path), testEvent());
    expectExecutionError(outcome, /no-export\.mjs has no export "handler" \(exports: default, handle\)\. Export the handler/);
    const notFunction = handlerFile('not-function.mjs', 'export const handler = 42;\n');
    expectExecutionError(await runtime.invoke(functionSpecForModule(notFunction), testEvent()), /exports "handler" as a number, not a function/);
  });

  it('§8.1 a syntax error', async () => {
    const path = handlerFile('syntax.mjs', 'export const handler = async () => {\n  return { ;\n};\n');
    const outcome = await runtime.invoke(functionSpecForModule(path), testEvent());
    expectExecutionError(outcome, /syntax\.mjs has a syntax error.*: Unexpected token/);
    expect(outcome.logs.some((line) => line.includes('Runtime.UserCodeSyntaxError'))).toBe(true);
  });

  it('§8.1 a throw in the module top-level code', async () => {
    const path = handlerFile('throws-at-import.mjs', "throw new Error('no config');\nexport const handler = async () => ({});\n");
    const outcome = await runtime.invoke(functionSpecForModule(path), testEvent());
    expectExecutionError(outcome, /throws-at-import\.mjs threw during Init .*Error: no config/);
  });

  it('§8.1 an Init past its limit is retried under the function timeout', async () => {
    const path = handlerFile(
      'slow-init.mjs',
      'const until = Date.now() + 400;\nwhile (Date.now() < until);\nexport const handler = async () => ({ status: "200" });\n',
    );
    const outcome = await runtime.invoke(functionSpecForModule(path, { timeout: 3 }), testEvent());
    expect(outcome).toMatchObject({ ok: true, result: { status: '200' } });
    expect(outcome.logs[0]).toMatch(/^INIT_REPORT Init Duration: \d+\.\d\d ms\tPhase: init\tStatus: timeout$/);
    const tooSlow = await runtime.invoke(functionSpecForModule(path, { name: 'too-slow', timeout: 0.35 }), testEvent());
    expectExecutionError(tooSlow, /^timeout: /);
    expect(tooSlow.logs.some((line) => line.includes('Phase: invoke\tStatus: timeout'))).toBe(true);
    expect(tooSlow.logs.some((line) => line.endsWith('Task timed out after 0.35 seconds') || /Task timed out after 0\.3\d seconds$/.test(line))).toBe(true);
  });
});
