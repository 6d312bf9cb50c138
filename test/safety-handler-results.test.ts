import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { arn, makeDistribution } from './helpers/distribution.js';
import { writeConfigFile } from './helpers/edge-from-config.js';
import { spawnServe } from './helpers/serve-process.js';
import type { ServeProcess } from './helpers/serve-process.js';
import { expectCloudFrontError } from './helpers/cloudfront-error.js';

/**
 * Issue 15 item 2: no handler result, whatever its size, ends the server. A real `serve` process, so a crash would
 * show as its exit; each oversized result costs its own request a 502 and the next request is served.
 * memorySize 512: since issue 14 the limit counts the environment's whole resident set, and a 50 MB body with its
 * JSON text (about 170 MB) is over 128 MB, as in Lambda; runtime-isolation.test.ts has that case.
 */
const handler = `export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/ok') return request;
  if (request.uri === '/50mb') return { status: '200', body: 'x'.repeat(50 * 2 ** 20) };
  if (request.uri === '/exhaust') return { status: '200', body: 'x'.repeat(300 * 2 ** 20) + 'y'.repeat(300 * 2 ** 20) };
  if (request.uri === '/7mb-headers') return { status: '200', headers: { 'x-big': [{ key: 'X-Big', value: 'h'.repeat(7 * 2 ** 20) }] } };
  return { status: '200', body: 'small' };
};`;

let origin: TestOrigin;
let run: ServeProcess;
let edge: string;

beforeAll(async () => {
  origin = await startOrigin((_req, res) => res.end('from the origin'));
  const file = writeConfigFile(
    {
      distribution: makeDistribution({ defaultBehavior: { lambdas: { 'viewer-request': arn('big') } } }),
      functions: { big: { handler: './big.mjs', memorySize: 512 } },
      origins: { origin: origin.url },
    },
    { 'big.mjs': handler },
  );
  run = spawnServe(['--config', file, '--port', '0', '--control-port', '0']);
  edge = (await run.ready).edge;
});

afterAll(async () => {
  run.child.kill('SIGKILL');
  await run.exited;
  await origin.close();
});

describe('issue 15: an oversized handler result is one failed request', () => {
  for (const path of ['/50mb', '/7mb-headers']) {
    it(`§3.8 ${path} (memorySize 512): 502 LambdaValidationError, and the server keeps serving`, async () => {
      await expectCloudFrontError(await fetch(`${edge}${path}`), 502, 'LambdaValidationError');
      expect(run.child.exitCode).toBeNull();
      const next = await fetch(`${edge}/ok`);
      expect([next.status, await next.text()]).toEqual([200, 'from the origin']);
      expect(run.output().stderr).toContain('Response payload size exceeded maximum allowed payload size (6291556 bytes)');
    });
  }

  it('a result that exhausts the environment\'s memory ends that environment only (issue 14: processes): 503, and the server keeps serving', async () => {
    await expectCloudFrontError(await fetch(`${edge}/exhaust`), 503, 'LambdaExecutionError');
    expect(run.child.exitCode).toBeNull();
    const next = await fetch(`${edge}/ok`);
    expect([next.status, await next.text()]).toEqual([200, 'from the origin']);
  });
});
