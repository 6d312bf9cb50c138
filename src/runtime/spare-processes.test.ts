import { afterAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { environmentBootstrapUrl } from './bootstrap-path.js';
import { functionSpecForModule } from './function-spec.js';
import { lambdaEnvironment } from './lambda-env.js';
import { LambdaRuntime } from './lambda-runtime.js';
import { prestartEnvironments } from './prestart-environments.js';
import { discardSpareProcesses, spareProcessId } from './spare-processes.js';
import { testEvent } from './test-handlers/test-event.js';
import type { FunctionSpec, InvokeOutcome } from './types.js';

const handlers = fileURLToPath(new URL('./test-handlers/', import.meta.url));
const bootstrapUrl = environmentBootstrapUrl();
// Set before any process starts: neither a spare nor the handler it runs may see it (D46).
process.env.EDGE_DEV_SPARE_SECRET = 'visible-only-to-the-test-process';
const runtimes: LambdaRuntime[] = [];
afterAll(async () => {
  await Promise.all(runtimes.map((runtime) => runtime.shutdown()));
  await discardSpareProcesses();
});

function newRuntime(options: ConstructorParameters<typeof LambdaRuntime>[0] = {}): LambdaRuntime {
  const runtime = new LambdaRuntime(options);
  runtimes.push(runtime);
  return runtime;
}

function processInfo(name: string, memorySize = 128): FunctionSpec {
  return functionSpecForModule(`${handlers}process-info.mjs`, { name, memorySize });
}

interface ProcessInfo {
  pid: number;
  invocations: number;
  env: Record<string, string>;
  heapLimitMb: number;
}

function infoOf(outcome: InvokeOutcome): ProcessInfo {
  if (!outcome.ok) throw new Error(`invocation failed: ${outcome.error.detail}`);
  return outcome.result as ProcessInfo;
}

/** Resolves once `check` holds (polls; no timing assertion). */
async function eventually(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('spare processes: started ahead of need for a function, its code loaded at Init (§8.1)', () => {
  it('§8.1 a cold start takes the waiting spare; Init runs then, Init Duration is reported, the module is fresh', async () => {
    const spec = processInfo('spare-bound');
    prestartEnvironments([spec]);
    const waiting = spareProcessId(spec, bootstrapUrl);
    expect(waiting).toBeGreaterThan(0);
    const outcome = await newRuntime().invoke(spec, testEvent());
    const info = infoOf(outcome);
    expect(info.pid).toBe(waiting);
    expect(info.invocations).toBe(1);
    expect(outcome.initDurationMs).toBeGreaterThan(0);
    expect(outcome.logs.at(-1)).toMatch(/\tInit Duration: \d+\.\d\d ms$/);
    await eventually(() => spareProcessId(spec, bootstrapUrl) !== undefined);
    expect(spareProcessId(spec, bootstrapUrl)).not.toBe(info.pid);
  });

  it('§8.2 (D46) a spare shows exactly the function\'s Lambda variables, nothing of the host', async () => {
    const spec = functionSpecForModule(`${handlers}process-info.mjs`, {
      name: 'spare-env',
      version: '7',
      environment: { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE' },
    });
    prestartEnvironments([spec]);
    const waiting = spareProcessId(spec, bootstrapUrl);
    const info = infoOf(await newRuntime().invoke(spec, testEvent()));
    expect(info.pid).toBe(waiting);
    expect(info.env.EDGE_DEV_SPARE_SECRET).toBeUndefined();
    expect(info.env.HOME).toBeUndefined();
    expect(info.env).toMatchObject({
      _HANDLER: 'process-info.handler',
      AWS_LAMBDA_FUNCTION_NAME: 'us-east-1.spare-env',
      AWS_LAMBDA_FUNCTION_VERSION: '7',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    });
    expect(info.env.AWS_LAMBDA_LOG_STREAM_NAME).toMatch(/^\d{4}\/\d\d\/\d\d\/\[7\][0-9a-f]{32}$/);
    expect(info.env).toEqual(lambdaEnvironment(spec, info.env.AWS_LAMBDA_LOG_STREAM_NAME!, info.env.TMPDIR));
  });

  it('§8.5 (D25) the memory size caps the V8 heap of the function\'s processes', async () => {
    const runtime = newRuntime();
    expect(infoOf(await runtime.invoke(processInfo('size-256', 256), testEvent())).heapLimitMb).toBeGreaterThan(256);
    expect(infoOf(await runtime.invoke(processInfo('size-128'), testEvent())).heapLimitMb).toBeLessThan(256);
  });

  it('§8.1 after a cold start one spare waits for the function; warm invocations take none', async () => {
    const runtime = newRuntime();
    const spec = processInfo('refill');
    const first = infoOf(await runtime.invoke(spec, testEvent()));
    await eventually(() => spareProcessId(spec, bootstrapUrl) !== undefined);
    const spare = spareProcessId(spec, bootstrapUrl);
    expect(spare).not.toBe(first.pid);
    const warm = infoOf(await runtime.invoke(spec, testEvent()));
    expect(warm).toMatchObject({ pid: first.pid, invocations: 2 });
    expect(spareProcessId(spec, bootstrapUrl)).toBe(spare);
    expect(runtime.environmentCount(spec)).toBe(1);
  });

  it('spareProcesses: false starts each environment\'s own process at its cold start', async () => {
    const spec = processInfo('no-spares');
    prestartEnvironments([spec]);
    const waiting = spareProcessId(spec, bootstrapUrl);
    const info = infoOf(await newRuntime({ spareProcesses: false }).invoke(spec, testEvent()));
    expect(info.pid).not.toBe(waiting);
    expect(spareProcessId(spec, bootstrapUrl)).toBe(waiting);
  });

  it('discarding ends the spares and starts none until asked again', async () => {
    const spec = processInfo('discarded');
    prestartEnvironments([spec]);
    await discardSpareProcesses();
    expect(spareProcessId(spec, bootstrapUrl)).toBeUndefined();
    const outcome = await newRuntime().invoke(spec, testEvent());
    expect(infoOf(outcome).invocations).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(spareProcessId(spec, bootstrapUrl)).toBeUndefined();
    prestartEnvironments([processInfo('again')]);
    expect(spareProcessId(processInfo('again'), bootstrapUrl)).toBeGreaterThan(0);
  });
});
