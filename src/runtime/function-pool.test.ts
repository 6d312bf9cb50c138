import { afterAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { functionSpecForModule } from './function-spec.js';
import { LambdaRuntime } from './lambda-runtime.js';
import { testEvent } from './test-handlers/test-event.js';
import type { FunctionSpec, InvokeOutcome } from './types.js';

const handlers = fileURLToPath(new URL('./test-handlers/', import.meta.url));
const runtimes: LambdaRuntime[] = [];
afterAll(() => Promise.all(runtimes.map((runtime) => runtime.shutdown())));

function lifecycle(name: string, overrides: Partial<FunctionSpec> = {}): FunctionSpec {
  return functionSpecForModule(`${handlers}lifecycle.mjs`, { name, ...overrides });
}

function newRuntime(options: ConstructorParameters<typeof LambdaRuntime>[0] = {}): LambdaRuntime {
  const runtime = new LambdaRuntime(options);
  runtimes.push(runtime);
  return runtime;
}

function invocationsOf(outcome: InvokeOutcome): number {
  if (!outcome.ok) throw new Error(`invocation failed: ${outcome.error.detail}`);
  return (outcome.result as { invocations: number }).invocations;
}

/** Resolves once `check` holds; polls the runtime's observable state (no timing assertion). */
async function eventually(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('FunctionPool: environments per function version (§8.1, D45)', () => {
  it('§8.1 starts a new environment when all are busy, each serving one invocation at a time', async () => {
    const runtime = newRuntime();
    const spec = lifecycle('parallel');
    const outcomes = await Promise.all([1, 2, 3].map(() => runtime.invoke(spec, testEvent('/sleep'))));
    expect(outcomes.map(invocationsOf)).toEqual([1, 1, 1]);
    expect(outcomes.every((outcome) => outcome.initDurationMs !== undefined)).toBe(true);
    expect(runtime.environmentCount(spec)).toBe(3);
    const warm = await Promise.all([1, 2, 3].map(() => runtime.invoke(spec, testEvent('/sleep'))));
    expect(warm.map(invocationsOf)).toEqual([2, 2, 2]);
    expect(runtime.environmentCount(spec)).toBe(3);
  });

  it('§8.1 queues invocations beyond maxEnvironmentsPerFunction until an environment is free', async () => {
    const runtime = newRuntime({ maxEnvironmentsPerFunction: 2 });
    const spec = lifecycle('queued');
    const outcomes = await Promise.all([1, 2, 3, 4, 5].map(() => runtime.invoke(spec, testEvent('/sleep'))));
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(runtime.environmentCount(spec)).toBe(2);
    expect(outcomes.filter((outcome) => outcome.initDurationMs !== undefined)).toHaveLength(2);
    expect(outcomes.map(invocationsOf).sort()).toEqual([1, 1, 2, 2, 3]);
  });

  it('§3.8 (D23) with a concurrency cap, one invocation more fails at once as LambdaLimitExceeded', async () => {
    const runtime = newRuntime();
    const spec = lifecycle('capped', { concurrency: 2 });
    const running = [runtime.invoke(spec, testEvent('/sleep')), runtime.invoke(spec, testEvent('/sleep'))];
    const throttled = await runtime.invoke(spec, testEvent('/sleep'));
    expect(throttled).toMatchObject({
      ok: false,
      logs: [],
      error: {
        kind: 'LambdaLimitExceeded',
        status: 503,
        message: 'The Lambda function associated with the CloudFront distribution was throttled.',
      },
    });
    expect((await Promise.all(running)).every((outcome) => outcome.ok)).toBe(true);
    expect(await runtime.invoke(spec, testEvent('/count'))).toMatchObject({ ok: true });
  });

  it('§8.1 (D45) retires idle environments after idleTimeoutMs with SIGTERM first', async () => {
    const lines: string[] = [];
    const runtime = newRuntime({ idleTimeoutMs: 100, onLog: (fn, line) => lines.push(line) });
    const spec = lifecycle('idler');
    await runtime.invoke(spec, testEvent('/count'));
    await runtime.invoke(spec, testEvent('/count'));
    expect(runtime.environmentCount(spec)).toBe(1);
    await eventually(() => lines.some((line) => line.endsWith('SIGTERM received after 2 invocation(s)')));
    await eventually(() => runtime.environmentCount(spec) === 0);
    const next = await runtime.invoke(spec, testEvent('/count'));
    expect(invocationsOf(next)).toBe(1);
    expect(next.initDurationMs).toBeGreaterThan(0);
  });

  it('§8.1 (D45) shutdown delivers SIGTERM to every live environment and ends them', async () => {
    const lines: string[] = [];
    const runtime = newRuntime({ onLog: (fn, line) => lines.push(line) });
    const spec = lifecycle('stopper');
    await Promise.all([runtime.invoke(spec, testEvent('/sleep')), runtime.invoke(spec, testEvent('/sleep'))]);
    expect(runtime.environmentCount()).toBe(2);
    await runtime.shutdown();
    expect(lines.filter((line) => line.includes('SIGTERM received after 1 invocation(s)'))).toHaveLength(2);
    expect(runtime.environmentCount()).toBe(0);
  });

  it('§8.1 reload retires environments: in-flight invocations finish, new ones get new environments', async () => {
    const runtime = newRuntime();
    const spec = lifecycle('reloaded');
    const other = functionSpecForModule(`${handlers}echo.mjs`);
    await runtime.invoke(spec, testEvent('/count'));
    await runtime.invoke(other, testEvent());
    const inFlight = runtime.invoke(spec, testEvent('/sleep'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await runtime.reload(`${handlers}lifecycle.mjs`);
    expect(runtime.environmentCount(spec)).toBe(0);
    expect(runtime.environmentCount(other)).toBe(1);
    expect(invocationsOf(await inFlight)).toBe(2);
    expect(invocationsOf(await runtime.invoke(spec, testEvent('/count')))).toBe(1);
    await runtime.reload();
    expect(runtime.environmentCount()).toBe(0);
  });
});
