import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { arn, makeDistribution } from './helpers/distribution.js';
import { writeConfigFile } from './helpers/edge-from-config.js';
import { spawnServe } from './helpers/serve-process.js';
import type { ServeProcess } from './helpers/serve-process.js';
import { expectCloudFrontError } from './helpers/cloudfront-error.js';

/**
 * Issue 14: through a real `serve` process, what a handler does to its own process stays in its execution
 * environment (§8): the server's environment is not visible, ending or exhausting the environment costs one request.
 */
const handler = `import { readFileSync } from 'node:fs';
export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/environ') {
    const names = readFileSync('/proc/self/environ', 'utf8').split('\\0').filter(Boolean).map((e) => e.slice(0, e.indexOf('=')));
    return { status: '200', body: JSON.stringify(names) };
  }
  if (request.uri === '/sigterm') {
    process.kill(process.pid, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  if (request.uri === '/50mb') return { status: '200', body: 'x'.repeat(50 * 2 ** 20) };
  return request;
};`;

let origin: TestOrigin;
let run: ServeProcess;
let edge: string;

beforeAll(async () => {
  origin = await startOrigin((_req, res) => res.end('from the origin'));
  const file = writeConfigFile(
    {
      distribution: makeDistribution({ defaultBehavior: { lambdas: { 'viewer-request': arn('app') } } }),
      functions: { app: { handler: './app.mjs', memorySize: 128 } },
      origins: { origin: origin.url },
    },
    { 'app.mjs': handler },
  );
  run = spawnServe(['--config', file, '--port', '0', '--control-port', '0'], {
    env: { ...process.env, EDGE_DEV_DEVELOPER_SECRET: 'in the shell only', AWS_SECRET_ACCESS_KEY: 'developer-secret' },
  });
  edge = (await run.ready).edge;
});

afterAll(async () => {
  run.child.kill('SIGKILL');
  await run.exited;
  await origin.close();
});

async function expectStillServing(): Promise<void> {
  expect(run.child.exitCode).toBeNull();
  const next = await fetch(`${edge}/ok`);
  expect([next.status, await next.text()]).toEqual([200, 'from the origin']);
}

describe('issue 14: each execution environment is a process of its own (serve)', () => {
  it('§8.2 (D46) /proc/self/environ shows only Lambda\'s variables, nothing of the shell that started serve', async () => {
    const response = await fetch(`${edge}/environ`);
    const names = (await response.json()) as string[];
    expect(names).toContain('AWS_LAMBDA_FUNCTION_NAME');
    expect(names).not.toContain('EDGE_DEV_DEVELOPER_SECRET');
    expect(names).not.toContain('HOME');
    expect(names.every((name) => /^(AWS_|LAMBDA_|_HANDLER$|TZ$|LANG$|PATH$|NODE_PATH$|TMPDIR$)/.test(name))).toBe(true);
  });

  it('§8.1 (D25) a handler sending itself SIGTERM ends only its environment: one 503, the edge keeps serving', async () => {
    await expectCloudFrontError(await fetch(`${edge}/sigterm`), 503, 'LambdaExecutionError');
    await expectStillServing();
    expect(run.output().stdout + run.output().stderr).toContain('Runtime exited with error: signal: terminated');
  });

  it('§8.5 (D25) a 50 MB generated body at memorySize 128 fails that invocation only (out of memory, as in Lambda)', async () => {
    await expectCloudFrontError(await fetch(`${edge}/50mb`), 503, 'LambdaExecutionError');
    await expectStillServing();
  });
});
