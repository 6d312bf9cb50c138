import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionSpecForModule } from './function-spec.js';
import { LambdaRuntime } from './lambda-runtime.js';
import { pythonInterpreter } from './python-interpreter.js';
import { testEvent } from './test-handlers/test-event.js';

// interface.md "Handlers in Python": `handler(event, context)` as Lambda's Python runtime runs it.
const scratch = mkdtempSync(join(tmpdir(), 'edge-dev-python-'));
const runtime = new LambdaRuntime();
afterAll(() => runtime.shutdown());

const app = join(scratch, 'app.py');
writeFileSync(
  app,
  `import logging
import os
logger = logging.getLogger()
logger.setLevel(logging.INFO)
invocations = 0

def handler(event, context):
    global invocations
    invocations += 1
    request = event["Records"][0]["cf"]["request"]
    print("printed", request["uri"])
    logger.info("logged %s", request["uri"])
    if request["uri"] == "/throw":
        raise ValueError("bad input")
    if request["uri"] == "/set":
        return {1, 2}
    return {
        "invocations": invocations,
        "context": [context.function_name, context.function_version, context.invoked_function_arn,
                    context.memory_limit_in_mb, context.aws_request_id, context.log_group_name, context.log_stream_name],
        "remaining": context.get_remaining_time_in_millis(),
        "cwd": os.getcwd(),
        "home": os.environ.get("HOME"),
    }
`,
);

describe.skipIf(pythonInterpreter('python3.12') === undefined)('Python handlers (lambda:python-handler)', () => {
  it('runs handler(event, context) with Lambda\'s Python context, warm on the next invocation', async () => {
    const spec = functionSpecForModule(`${app}#handler`, { name: 'py-app', version: '2' });
    expect(spec.runtime).toBe('python3.12');
    const first = await runtime.invoke(spec, testEvent('/one'));
    if (!first.ok) throw new Error(first.error.detail);
    const result = first.result as Record<string, any>;
    expect(result.context).toEqual([
      'us-east-1.py-app', '2', spec.arn, '128', first.awsRequestId, '/aws/lambda/us-east-1.py-app',
      expect.stringMatching(/^\d{4}\/\d\d\/\d\d\/\[2\][0-9a-f]{32}$/),
    ]);
    expect(result.remaining).toBeGreaterThan(4000);
    expect(result.cwd).toBe(scratch);
    expect(result.home).toBeNull();
    expect(first.initDurationMs).toBeGreaterThan(0);
    // lambda:python-logging: print is written as is; the logging module as [LEVEL]\t<time>\t<request id>\t<message>.
    expect(first.logs).toContain('printed /one');
    expect(first.logs).toContainEqual(expect.stringMatching(new RegExp(`^\\[INFO\\]\\t\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\\t${first.awsRequestId}\\tlogged /one$`)));
    const second = await runtime.invoke(spec, testEvent('/two'));
    expect(second).toMatchObject({ ok: true, result: { invocations: 2 } });
    expect(second.initDurationMs).toBeUndefined();
  });

  it('an uncaught exception is an execution error, logged as Lambda\'s Python runtime logs it (lambda:python-exceptions)', async () => {
    const outcome = await runtime.invoke(functionSpecForModule(app, { name: 'py-throw' }), testEvent('/throw'));
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'LambdaExecutionError', status: 503, detail: expect.stringMatching(/ValueError: bad input/) } });
    expect(outcome.logs).toContainEqual(expect.stringMatching(/^\[ERROR\] ValueError: bad input\nTraceback \(most recent call last\):\n {2}File ".*app\.py", line 14, in handler/));
  });

  it('§8.4 (D48) a result json cannot serialise is not parsable', async () => {
    const outcome = await runtime.invoke(functionSpecForModule(app, { name: 'py-set' }), testEvent('/set'));
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'LambdaValidationError', status: 502 } });
  });
});
