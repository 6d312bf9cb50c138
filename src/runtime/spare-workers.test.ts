import { afterAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { functionSpecForModule } from './function-spec.js';
import { lambdaEnvironment } from './lambda-env.js';
import { LambdaRuntime } from './lambda-runtime.js';
import { prestartEnvironments } from './prestart-environments.js';
import { discardSpareWorkers, prestartSpareWorkers, spareThreadIds, wantedSpares } from './spare-workers.js';
import { testEvent } from './test-handlers/test-event.js';
import type { FunctionSpec, InvokeOutcome } from './types.js';
import { environmentWorkerUrl } from './worker-url.js';

const handlers = fileURLToPath(new URL('./test-handlers/', import.meta.url));
const workerUrl = environmentWorkerUrl();
// Set before any thread starts: neither a spare nor the handler bound to it may see it (D46).
process.env.EDGE_DEV_SPARE_SECRET = 'visible-only-to-the-test-process';
const runtimes: LambdaRuntime[] = [];
afterAll(async () => {
  await Promise.all(runtimes.map((runtime) => runtime.shutdown()));
  await discardSpareWorkers();
});

function newRuntime(options: ConstructorParameters<typeof LambdaRuntime>[0] = {}): LambdaRuntime {
  const runtime = new LambdaRuntime(options);
  runtimes.push(runtime);
  return runtime;
}

function threadInfo(name: string, memorySize = 128): FunctionSpec {
  return functionSpecForModule(`${handlers}thread-info.mjs`, { name, memorySize });
}

interface ThreadInfo {
  threadId: number;
  invocations: number;
  env: Record<string, string>;
  heapLimitMb: number;
}

function infoOf(outcome: InvokeOutcome): ThreadInfo {
  if (!outcome.ok) throw new Error(`invocation failed: ${outcome.error.detail}`);
  return outcome.result as ThreadInfo;
}

/** Resolves once `check` holds (polls; no timing assertion). */
async function eventually(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('spare threads: started ahead of need, bound to a function at Init (§8.1)', () => {
  it('§8.1 a cold start binds a waiting spare; Init runs then, Init Duration is reported, the module is fresh', async () => {
    const spec = threadInfo('spare-bound');
    prestartEnvironments([spec]);
    const waiting = spareThreadIds(workerUrl, 128);
    expect(waiting.length).toBeGreaterThan(0);
    const outcome = await newRuntime().invoke(spec, testEvent());
    const info = infoOf(outcome);
    expect(info.threadId).toBe(waiting[0]);
    expect(info.invocations).toBe(1);
    expect(outcome.initDurationMs).toBeGreaterThan(0);
    expect(outcome.logs.at(-1)).toMatch(/\tInit Duration: \d+\.\d\d ms$/);
    expect(spareThreadIds(workerUrl, 128)).not.toContain(info.threadId);
  });

  it('§8.2 (D46) a bound spare shows exactly the function\'s Lambda variables, nothing of the host', async () => {
    const spec = functionSpecForModule(`${handlers}thread-info.mjs`, {
      name: 'spare-env',
      version: '7',
      environment: { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE' },
    });
    prestartEnvironments([spec]);
    const waiting = spareThreadIds(workerUrl, 128);
    const info = infoOf(await newRuntime().invoke(spec, testEvent()));
    expect(waiting).toContain(info.threadId);
    expect(info.env.EDGE_DEV_SPARE_SECRET).toBeUndefined();
    expect(info.env.HOME).toBeUndefined();
    expect(info.env).toMatchObject({
      _HANDLER: 'thread-info.handler',
      AWS_LAMBDA_FUNCTION_NAME: 'us-east-1.spare-env',
      AWS_LAMBDA_FUNCTION_VERSION: '7',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    });
    expect(info.env.AWS_LAMBDA_LOG_STREAM_NAME).toMatch(/^\d{4}\/\d\d\/\d\d\/\[7\][0-9a-f]{32}$/);
    expect(info.env).toEqual(lambdaEnvironment(spec, info.env.AWS_LAMBDA_LOG_STREAM_NAME!));
  });

  it('§8.5 (D25) spares are kept per memory size: a 256 MB function never gets a 128 MB heap', async () => {
    prestartEnvironments([threadInfo('size-128')]);
    const small = spareThreadIds(workerUrl, 128);
    expect(small.length).toBeGreaterThan(0);
    const runtime = newRuntime();
    const big = infoOf(await runtime.invoke(threadInfo('size-256', 256), testEvent()));
    expect(small).not.toContain(big.threadId);
    expect(big.heapLimitMb).toBeGreaterThan(256);
    const smallInfo = infoOf(await runtime.invoke(threadInfo('size-128'), testEvent()));
    expect(smallInfo.heapLimitMb).toBeLessThan(256);
  });

  it('§8.1 after a cold start one spare waits for that memory size; warm invocations take none', async () => {
    const runtime = newRuntime();
    const spec = threadInfo('refill', 320);
    const first = infoOf(await runtime.invoke(spec, testEvent()));
    await eventually(() => spareThreadIds(workerUrl, 320).length === 1);
    const spare = spareThreadIds(workerUrl, 320)[0];
    expect(spare).not.toBe(first.threadId);
    const warm = infoOf(await runtime.invoke(spec, testEvent()));
    expect(warm).toMatchObject({ threadId: first.threadId, invocations: 2 });
    expect(spareThreadIds(workerUrl, 320)).toEqual([spare]);
    expect(runtime.environmentCount(spec)).toBe(1);
  });

  it('§8.1 prestarting starts one spare per function of a size; once they are taken one is kept', async () => {
    prestartSpareWorkers(workerUrl, new Map([[384, 3]]));
    await eventually(() => spareThreadIds(workerUrl, 384).length === 3);
    const prestarted = spareThreadIds(workerUrl, 384);
    const runtime = newRuntime();
    const outcomes = await Promise.all(['a', 'b', 'c'].map((name) => runtime.invoke(threadInfo(`pre-${name}`, 384), testEvent())));
    expect(outcomes.map((outcome) => infoOf(outcome).invocations)).toEqual([1, 1, 1]);
    expect(outcomes.map((outcome) => infoOf(outcome).threadId).sort()).toEqual([...prestarted].sort());
    expect(runtime.environmentCount()).toBe(3);
    expect(wantedSpares(workerUrl, 384)).toBe(1);
    await eventually(() => spareThreadIds(workerUrl, 384).length === 1);
  });

  it('spareWorkers: false starts each environment\'s own thread at its cold start', async () => {
    prestartEnvironments([threadInfo('no-spares')]);
    const waiting = spareThreadIds(workerUrl, 128);
    const info = infoOf(await newRuntime({ spareWorkers: false }).invoke(threadInfo('no-spares'), testEvent()));
    expect(waiting).not.toContain(info.threadId);
    expect(spareThreadIds(workerUrl, 128)).toEqual(waiting);
  });

  it('discarding ends the spares and starts none until asked again', async () => {
    prestartEnvironments([threadInfo('discarded')]);
    await discardSpareWorkers();
    expect(spareThreadIds(workerUrl, 128)).toEqual([]);
    const outcome = await newRuntime().invoke(threadInfo('discarded'), testEvent());
    expect(infoOf(outcome).invocations).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(spareThreadIds(workerUrl, 128)).toEqual([]);
    prestartEnvironments([threadInfo('again')]);
    expect(spareThreadIds(workerUrl, 128)).toHaveLength(1);
  });
});
