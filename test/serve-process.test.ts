import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { arn, makeDistribution } from './helpers/distribution.js';
import { writeConfigFile } from './helpers/edge-from-config.js';
import { spawnServe } from './helpers/serve-process.js';

let origin: TestOrigin;

beforeAll(async () => {
  origin = await startOrigin((_req, res) => res.end('hello from origin'));
});
afterAll(() => origin?.close());

function writeConfig(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'edge-dev-serve-'));
  const file = join(dir, 'edge-dev.config.json');
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
  return file;
}

const serve = (args: string[]) => spawnServe(args);

describe('edge-dev serve (a real process)', () => {
  it('prints both listening lines, serves, and exits 0 on SIGTERM', async () => {
    const file = writeConfig({ distribution: makeDistribution(), origins: { origin: origin.url } });
    const run = serve(['--config', file, '--port', '0', '--control-port', '0']);
    const { edge } = await run.ready;
    expect(edge).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${edge}/hello`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello from origin');
    expect(response.headers.get('x-cache')).toBe('Miss from cloudfront');
    expect(response.headers.get('via')).toMatch(/^1\.1 [0-9a-f]{32}\.cloudfront\.net \(CloudFront\)$/);
    expect(response.headers.get('x-amz-cf-pop')).toBeTruthy();
    run.child.kill('SIGTERM');
    expect((await run.exited).code).toBe(0);
    expect(run.output().stderr).toContain('GET /hello 200 Miss');
  });

  it('issue 12: --log-format json writes one JSON object per request line', async () => {
    const file = writeConfig({ distribution: makeDistribution(), origins: { origin: origin.url } });
    const run = serve(['--config', file, '--port', '0', '--control-port', '0', '--log-format', 'json']);
    const { edge } = await run.ready;
    await (await fetch(`${edge}/json-line`)).text();
    run.child.kill('SIGTERM');
    await run.exited;
    const records = run.output().stderr.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toContainEqual(expect.objectContaining({ kind: 'request', method: 'GET', url: '/json-line', status: 200, xCache: 'Miss' }));
  });

  it('issue 12: a function\'s log lines print under their request line, indented, even when requests overlap', async () => {
    const file = writeConfigFile(
      {
        distribution: makeDistribution({ defaultBehavior: { lambdas: { 'viewer-request': arn('talk') } } }),
        functions: { talk: './talk.mjs' },
        origins: { origin: origin.url },
      },
      {
        'talk.mjs': `export const handler = async (event) => {
          const request = event.Records[0].cf.request;
          console.log('first about', request.uri);
          await new Promise((resolve) => setTimeout(resolve, request.uri === '/slow' ? 300 : 0));
          console.log('second about', request.uri);
          return request;
        };`,
      },
    );
    const run = serve(['--config', file, '--port', '0', '--control-port', '0']);
    const { edge } = await run.ready;
    // /slow starts first and finishes last: its lines must not land under /fast's request line.
    const slow = fetch(`${edge}/slow`).then((response) => response.text());
    await new Promise((resolve) => setTimeout(resolve, 100));
    await (await fetch(`${edge}/fast`)).text();
    await slow;
    run.child.kill('SIGTERM');
    await run.exited;
    const lines = run.output().stderr.split('\n');
    for (const path of ['/slow', '/fast']) {
      const at = lines.findIndex((line) => line.startsWith(`GET ${path} 200 Miss`));
      expect(at, run.output().stderr).toBeGreaterThanOrEqual(0);
      expect(lines[at + 1]).toMatch(new RegExp(`^  /aws/lambda/us-east-1\\.talk \\S+\\t[0-9a-f-]{36}\\tINFO\\tfirst about ${path}$`));
      expect(lines[at + 2]).toMatch(new RegExp(`^  /aws/lambda/us-east-1\\.talk .*\\tINFO\\tsecond about ${path}$`));
    }
    // START/END/REPORT are debug lines: not printed at the default level.
    expect(run.output().stderr).not.toMatch(/\bREPORT RequestId/);
  });

  it('malformed config JSON: exit 2, the file named, nothing started', async () => {
    const file = writeConfig('{ "distribution": { ');
    const run = serve(['--config', file, '--port', '0']);
    expect((await run.exited).code).toBe(2);
    expect(run.output().stderr).toContain(file);
    expect(run.output().stdout).not.toContain('listening');
  });

  it('an unknown origin Id: exit 2 naming the JSON path', async () => {
    const distribution = makeDistribution({ defaultBehavior: { origin: 'nope' } });
    const run = serve(['--config', writeConfig({ distribution, origins: { origin: origin.url } }), '--port', '0']);
    expect((await run.exited).code).toBe(2);
    expect(run.output().stderr).toMatch(/TargetOriginId/);
  });
});
