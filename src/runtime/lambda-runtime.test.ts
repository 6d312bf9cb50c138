import { afterAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { functionSpecForModule } from './function-spec.js';
import { LOCAL_CREDENTIALS } from './lambda-env.js';
import { LambdaRuntime } from './lambda-runtime.js';
import { testEvent } from './test-handlers/test-event.js';
import type { InvokeOutcome } from './types.js';

const handlers = fileURLToPath(new URL('./test-handlers/', import.meta.url));
const echo = functionSpecForModule(`${handlers}echo.mjs`, {
  name: 'auth-viewer',
  version: '3',
  arn: 'arn:aws:lambda:us-east-1:123456789012:function:auth-viewer:3',
});
const lifecycle = functionSpecForModule(`${handlers}lifecycle.mjs`);
const callbacks = (exportName: string) => functionSpecForModule(`${handlers}callback-style.cjs#${exportName}`);

// Set before any environment starts: the handler must not see it (D46).
process.env.EDGE_DEV_SHELL_SECRET = 'visible-only-to-the-test-process';
const runtime = new LambdaRuntime();
afterAll(() => runtime.shutdown());

function resultOf(outcome: InvokeOutcome): Record<string, any> {
  if (!outcome.ok) throw new Error(`invocation failed: ${outcome.error.detail}`);
  return outcome.result as Record<string, any>;
}

describe('LambdaRuntime: cold and warm invocations', () => {
  it('§8.1 runs Init once per environment and reuses it warm; Init Duration only on the first invocation', async () => {
    const first = await runtime.invoke(echo, testEvent('/first'));
    const second = await runtime.invoke(echo, testEvent('/second'));
    expect(resultOf(first).invocations).toBe(1);
    expect(resultOf(second).invocations).toBe(2);
    expect(resultOf(second).loadedAt).toBe(resultOf(first).loadedAt);
    expect(resultOf(second).uri).toBe('/second');
    expect(first.initDurationMs).toBeGreaterThan(0);
    expect(second.initDurationMs).toBeUndefined();
    expect(first.logs.at(-1)).toMatch(/\tInit Duration: \d+\.\d\d ms$/);
    expect(second.logs.at(-1)).not.toContain('Init Duration');
    expect(runtime.environmentCount(echo)).toBe(1);
  });

  it('§8.3 gives the handler the Lambda context with edge-dev values (D47)', async () => {
    const outcome = await runtime.invoke(echo, testEvent());
    const context = resultOf(outcome).context;
    expect(context).toMatchObject({
      functionName: 'us-east-1.auth-viewer',
      functionVersion: '3',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:auth-viewer:3',
      memoryLimitInMB: '128',
      awsRequestId: outcome.awsRequestId,
      logGroupName: '/aws/lambda/us-east-1.auth-viewer',
      callbackWaitsForEmptyEventLoop: true,
      hasIdentity: true,
      identity: 'undefined',
      clientContext: 'undefined',
    });
    expect(context.logStreamName).toMatch(/^\d{4}\/\d\d\/\d\d\/\[3\][0-9a-f]{32}$/);
    expect(context.remaining).toBeGreaterThan(4000);
    expect(context.remaining).toBeLessThanOrEqual(5000);
    expect(outcome.awsRequestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const again = await runtime.invoke(echo, testEvent());
    expect(again.awsRequestId).not.toBe(outcome.awsRequestId);
  });

  it('§8.2 (D46) shows only Lambda reserved variables, never the shell environment', async () => {
    const env = resultOf(await runtime.invoke(echo, testEvent())).env as Record<string, string>;
    expect(env.EDGE_DEV_SHELL_SECRET).toBeUndefined();
    expect(env.HOME).toBeUndefined();
    expect(env).toMatchObject({
      _HANDLER: 'echo.handler',
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
      AWS_LAMBDA_FUNCTION_NAME: 'us-east-1.auth-viewer',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '128',
      AWS_LAMBDA_FUNCTION_VERSION: '3',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/us-east-1.auth-viewer',
      TZ: ':UTC',
      LANG: 'en_US.UTF-8',
    });
    // D46 (issue 14): fake local credentials, so an AWS SDK never asks the instance metadata service.
    expect(env).toMatchObject(LOCAL_CREDENTIALS);
    expect(env.LAMBDA_TASK_ROOT).toBe(handlers.replace(/\/$/, ''));
  });

  it('§8.6 writes START, console lines by level, END and REPORT in Lambda format, also to onLog', async () => {
    const seen: string[] = [];
    const logged = new LambdaRuntime({ onLog: (fn, line) => seen.push(`${fn.name}|${line}`) });
    try {
      const outcome = await logged.invoke(echo, testEvent());
      const id = outcome.awsRequestId;
      const iso = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z';
      const logs = outcome.logs;
      expect(logs[0]).toMatch(new RegExp(`^${iso}\\tundefined\\tINFO\\tinit at \\d+$`));
      expect(logs[1]).toBe(`START RequestId: ${id} Version: 3`);
      expect(logs[2]).toMatch(new RegExp(`^${iso}\\t${id}\\tINFO\\tinvocation 1 of us-east-1\\.auth-viewer$`));
      expect(logs[3]).toMatch(new RegExp(`^${iso}\\t${id}\\tWARN\\ta warning\\nover two lines$`));
      expect(logs[4]).toMatch(new RegExp(`\\t${id}\\tERROR\\tan error$`));
      expect(logs[5]).toMatch(new RegExp(`\\t${id}\\tDEBUG\\tdebug \\{ deep: 1 \\}$`));
      expect(logs[6]).toBe(`END RequestId: ${id}`);
      expect(logs[7]).toMatch(
        new RegExp(
          `^REPORT RequestId: ${id}\\tDuration: \\d+\\.\\d\\d ms\\tBilled Duration: \\d+ ms\\tMemory Size: 128 MB\\tMax Memory Used: \\d+ MB\\tInit Duration: \\d+\\.\\d\\d ms$`,
        ),
      );
      expect(logs).toHaveLength(8);
      expect(seen).toEqual(logs.map((line) => `auth-viewer|${line}`));
    } finally {
      await logged.shutdown();
    }
  });

  it('§8.6 captures raw stdout writes as log lines of the invocation', async () => {
    const outcome = await runtime.invoke(lifecycle, testEvent('/stdout'));
    expect(outcome.logs.slice(1, -2)).toEqual(['written to stdout']);
  });
});

describe('LambdaRuntime: handler styles and results (§8.4)', () => {
  it('§8.4 a callback handler waits for the empty event loop by default', async () => {
    const outcome = await runtime.invoke(callbacks('waits'), testEvent());
    expect(resultOf(outcome)).toEqual({ style: 'callback' });
    const timerLine = outcome.logs.findIndex((line) => line.endsWith('timer ran before the end'));
    expect(timerLine).toBeGreaterThan(0);
    expect(timerLine).toBeLessThan(outcome.logs.findIndex((line) => line.startsWith('END')));
  });

  it('§8.4 callbackWaitsForEmptyEventLoop = false ends right after the callback', async () => {
    const outcome = await runtime.invoke(callbacks('noWait'), testEvent());
    expect(resultOf(outcome)).toEqual({ style: 'no-wait' });
    expect(outcome.logs.some((line) => line.includes('timer after the end'))).toBe(false);
  });

  it('§8.4 a callback called later from a timer gives the result', async () => {
    expect(resultOf(await runtime.invoke(callbacks('later'), testEvent()))).toEqual({ style: 'later' });
  });

  it('§8.4 callback(error) is a 503 LambdaExecutionError and logs Invoke Error (D49)', async () => {
    const outcome = await runtime.invoke(callbacks('fails'), testEvent());
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ kind: 'LambdaExecutionError', status: 503 });
    expect(outcome.error.detail).toContain('called back with an error');
    const line = outcome.logs.find((entry) => entry.includes('\tERROR\tInvoke Error \t'))!;
    const json = JSON.parse(line.slice(line.indexOf('{')));
    expect(json).toMatchObject({ errorType: 'Error', errorMessage: 'called back with an error' });
    expect(json.stack[0]).toBe('Error: called back with an error');
  });

  it('§8.4 a non-async handler that returns without calling back gives null (forgot async)', async () => {
    for (const name of ['forgotAsync', 'forgotAsyncTwoArgs']) {
      const outcome = await runtime.invoke(callbacks(name), testEvent());
      expect(outcome).toMatchObject({ ok: true, result: null });
    }
  });

  it('§8.1 a thrown error is a 503 execution error and does not reset the environment', async () => {
    const spec = functionSpecForModule(`${handlers}lifecycle.mjs`, { name: 'thrower' });
    const before = resultOf(await runtime.invoke(spec, testEvent('/count'))).invocations;
    const failed = await runtime.invoke(spec, testEvent('/throw'));
    expect(failed).toMatchObject({ ok: false, error: { kind: 'LambdaExecutionError', status: 503 } });
    if (!failed.ok) expect(failed.error.detail).toContain('TypeError: handler broke');
    const after = resultOf(await runtime.invoke(spec, testEvent('/count')));
    expect(after.invocations).toBe(before + 2);
    expect(runtime.environmentCount(spec)).toBe(1);
  });

  it('§8.4 the handler gets the event as Lambda hands it over, parsed from JSON: an undefined field is absent', async () => {
    const event = testEvent('/keys');
    Object.assign(event.Records[0]!.cf.request, { notJson: undefined });
    const outcome = await runtime.invoke(functionSpecForModule(`${handlers}process-info.mjs`), event);
    expect(resultOf(outcome).requestKeys).toEqual(['clientIp', 'method', 'uri', 'querystring', 'headers']);
  });

  it('§8.4 (D48) undefined becomes null after the JSON round trip', async () => {
    expect(await runtime.invoke(lifecycle, testEvent('/undefined'))).toMatchObject({ ok: true, result: null });
  });

  it('§8.4 (D48) a result JSON cannot serialise is a 502 LambdaValidationError "not parsable"', async () => {
    for (const uri of ['/cycle', '/bigint']) {
      const outcome = await runtime.invoke(lifecycle, testEvent(uri));
      expect(outcome).toMatchObject({
        ok: false,
        error: {
          kind: 'LambdaValidationError',
          status: 502,
          message: 'The Lambda function returned invalid JSON: The JSON output is not parsable.',
        },
      });
    }
    expect(await runtime.invoke(lifecycle, testEvent('/count'))).toMatchObject({ ok: true });
  });
});
