import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The package's own entry point, as users import it (`import { startEdge } from 'edge-dev'`).
import { startEdge } from '../dist/index.js';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { arn, makeDistribution } from './helpers/distribution.js';
import { BIN } from './helpers/serve-process.js';

/** Issue 12 (interface.md › For programs and people): startEdge for integration tests, and `--version`. */
let origin: TestOrigin;
let dir: string;

beforeAll(async () => {
  origin = await startOrigin((req, res) => res.end(`origin saw ${req.url}`));
  dir = mkdtempSync(join(tmpdir(), 'edge-dev-start-edge-'));
  writeFileSync(join(dir, 'rewrite.mjs'), `export const handler = async (event) => { const r = event.Records[0].cf.request; r.uri = '/rewritten' + r.uri; return r; };`);
});

afterAll(() => origin.close());

describe('issue 12: startEdge', () => {
  it('serves a config file given by path, on free loopback ports, and closes', async () => {
    const file = join(dir, 'edge-dev.config.json');
    writeFileSync(file, JSON.stringify({
      distribution: makeDistribution({ defaultBehavior: { lambdas: { 'viewer-request': arn('rewrite') } } }),
      functions: { rewrite: './rewrite.mjs' },
      origins: { origin: origin.url },
    }));
    const edge = await startEdge({ config: file, quiet: true });
    try {
      expect(edge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(edge.controlUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${edge.url}/a`);
      expect([response.status, await response.text()]).toEqual([200, 'origin saw /rewritten/a']);
      expect(response.headers.get('x-cache')).toBe('Miss from cloudfront');
    } finally {
      await edge.close();
    }
    await expect(fetch(`${edge.url}/a`)).rejects.toThrow();
  });

  it('takes the configuration as an object (relative paths from the working directory)', async () => {
    const edge = await startEdge({
      config: { distribution: makeDistribution(), origins: { origin: origin.url } },
      cache: false,
      quiet: true,
    });
    try {
      const first = await fetch(`${edge.url}/b`);
      expect(await first.text()).toBe('origin saw /b');
      const second = await fetch(`${edge.url}/b`);
      await second.text();
      expect(second.headers.get('x-cache')).toBe('Miss from cloudfront');
    } finally {
      await edge.close();
    }
  });
});

it('issue 12: edge-dev --version prints the package version', () => {
  const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string };
  expect(execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' }).trim()).toBe(version);
});
