import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { startRawOrigin } from './helpers/raw-origin.js';
import { arn, makeDistribution } from './helpers/distribution.js';
import { startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';
import { writeConfigFile } from './helpers/edge-from-config.js';
import { spawnServe } from './helpers/serve-process.js';
import type { ServeProcess } from './helpers/serve-process.js';
import { sendRaw } from './helpers/raw-viewer.js';

/** Issue 6, safety: loopback by default, no path traversal, no host environment in handlers, clean shutdown. */

/** Local addresses of listening TCP sockets on a port, from /proc/net/tcp (read locally, nothing contacted). */
function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const found: string[] = [];
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const [, local, , state] = line.trim().split(/\s+/);
    if (!local || state !== '0A') continue; // 0A = LISTEN
    const [hexAddress, linePort] = local.split(':');
    if (linePort !== hexPort) continue;
    found.push(hexAddress!.match(/../g)!.reverse().map((byte) => parseInt(byte, 16)).join('.'));
  }
  return found;
}

const configFile = writeConfigFile;

async function stop(run: ServeProcess): Promise<void> {
  if (run.child.exitCode !== null || run.child.signalCode !== null) return;
  run.child.kill('SIGKILL');
  await run.exited;
}

describe('binding: loopback unless asked', () => {
  let origin: TestOrigin;
  beforeAll(async () => {
    origin = await startOrigin();
  });
  afterAll(() => origin.close());

  it('by default both the edge and the control API listen on 127.0.0.1 only', async () => {
    const run = spawnServe(['--config', configFile({ distribution: makeDistribution(), origins: { origin: origin.url } }), '--port', '0', '--control-port', '0']);
    try {
      const { edge, control } = await run.ready;
      expect(edge).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(control).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(listeningAddresses(Number(new URL(edge).port))).toEqual(['127.0.0.1']);
      expect(listeningAddresses(Number(new URL(control).port))).toEqual(['127.0.0.1']);
    } finally {
      await stop(run);
    }
  });

  it('--host 0.0.0.0 prints a loud warning, and the control API stays on loopback', async () => {
    const file = configFile({ distribution: makeDistribution(), origins: { origin: origin.url } });
    const run = spawnServe(['--config', file, '--host', '0.0.0.0', '--port', '0', '--control-port', '0']);
    try {
      const { edge, control } = await run.ready;
      expect(run.output().stderr).toContain('WARNING: --host 0.0.0.0 exposes edge-dev, and every handler it runs, beyond this machine.');
      expect(listeningAddresses(Number(new URL(edge).port))).toEqual(['0.0.0.0']);
      expect(listeningAddresses(Number(new URL(control).port))).toEqual(['127.0.0.1']);
    } finally {
      await stop(run);
    }
  });
});

describe('D11 a directory origin never serves a file outside its directory', () => {
  let edge: TestEdge;
  let port: number;
  const SECRET = 'outside-the-bucket-secret';

  beforeAll(async () => {
    const top = mkdtempSync(join(tmpdir(), 'edge-dev-traversal-'));
    writeFileSync(join(top, 'secret.txt'), SECRET);
    const bucket = join(top, 'bucket');
    mkdirSync(join(bucket, 'sub'), { recursive: true });
    writeFileSync(join(bucket, 'inside.txt'), 'inside');
    symlinkSync(join(top, 'secret.txt'), join(bucket, 'link-out.txt'));
    // Issue 15: links out of the bucket whose targets exist and links whose targets do not, made here, so the
    // answers cannot depend on what this machine has outside the test's own directory.
    symlinkSync(top, join(bucket, 'dir-out'));
    symlinkSync(join(top, 'no-such-file.txt'), join(bucket, 'dangling-out.txt'));
    symlinkSync(join(top, 'no-such-dir'), join(bucket, 'dangling-dir-out'));
    symlinkSync(join(bucket, 'dangling-dir-out', 'x'), join(bucket, 'chain-out'));
    symlinkSync(join(bucket, 'inside.txt'), join(bucket, 'sub', 'link-in.txt'));
    edge = await startEdge({ originMap: { origin: bucket } });
    port = Number(new URL(edge.url).port);
  });
  afterAll(() => edge?.close());

  const refused = [
    '/../secret.txt',
    '/sub/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/.%2e/secret.txt',
    '/..%2fsecret.txt',
    '/sub%2f..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/sub/%2e%2e/%2e%2e/secret.txt',
    '/inside.txt%00',
    '/link-out.txt',
    '/dir-out/secret.txt',
    '/dir-out/no-such-file.txt',
    '/dangling-out.txt',
    '/dangling-dir-out/x',
    '/chain-out',
  ];
  for (const path of refused) {
    it(`D11 ${path}: 403 AccessDenied, nothing from outside`, async () => {
      const response = await sendRaw(port, `GET ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
      expect(response.body).not.toContain(SECRET);
      expect(response.status).toBe(403);
      expect(response.body).toContain('<Code>AccessDenied</Code>');
    });
  }

  it('D11 a symlink that stays inside the directory is served', async () => {
    const response = await sendRaw(port, 'GET /sub/link-in.txt HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(response.status).toBe(200);
    expect(response.body).toBe('inside');
  });
});

describe('§8.2 (D46) handlers cannot see the developer\'s environment', () => {
  it('D46 a handler in a real serve process sees only Lambda\'s variables', async () => {
    const origin = await startOrigin();
    const file = configFile(
      {
        distribution: makeDistribution({ defaultBehavior: { lambdas: { 'viewer-request': arn('env') } } }),
        functions: { env: './env.mjs' },
        origins: { origin: origin.url },
      },
      { 'env.mjs': `export const handler = async () => ({ status: '200', body: JSON.stringify(process.env) });` },
    );
    const hostEnv = { ...process.env, EDGE_DEV_TEST_SECRET: 'hunter2', AWS_ACCESS_KEY_ID: 'AKIAHOSTKEYEXAMPLE', AWS_SECRET_ACCESS_KEY: 'host-secret', HOME: '/home/developer' };
    const run = spawnServe(['--config', file, '--port', '0', '--control-port', '0'], { env: hostEnv });
    try {
      const { edge } = await run.ready;
      const response = await fetch(`${edge}/env`);
      const seen = JSON.parse(await response.text()) as Record<string, string>;
      expect(JSON.stringify(seen)).not.toMatch(/hunter2|AKIAHOSTKEYEXAMPLE|host-secret|\/home\/developer/);
      for (const name of ['EDGE_DEV_TEST_SECRET', 'HOME', 'USER', 'NODE_OPTIONS']) {
        expect(seen).not.toHaveProperty(name);
      }
      // Issue 14: the credentials are the environment's own fake local ones, never the developer's.
      expect(seen.AWS_ACCESS_KEY_ID).toBe('ASIAEDGEDEVLOCAL0000');
      expect(seen).toMatchObject({ AWS_REGION: 'us-east-1', AWS_LAMBDA_FUNCTION_NAME: 'us-east-1.env', TZ: ':UTC' });
      expect(seen.PATH).not.toBe(process.env.PATH);
    } finally {
      await stop(run);
      await origin.close();
    }
  });
});

describe('shutdown: drain in-flight requests (bounded), Shutdown for environments, exit 0; a second signal exits at once', () => {
  const hook = `process.on('SIGTERM', () => console.log('shutdown hook ran'));
export const handler = async (event) => event.Records[0].cf.request;`;

  async function serveWith(originUrl: string): Promise<{ run: ServeProcess; edge: string }> {
    const file = configFile(
      {
        distribution: makeDistribution({ defaultBehavior: { lambdas: { 'viewer-request': arn('hook') } } }),
        functions: { hook: './hook.mjs' },
        origins: { origin: originUrl },
      },
      { 'hook.mjs': hook },
    );
    const run = spawnServe(['--config', file, '--port', '0', '--control-port', '0']);
    return { run, edge: (await run.ready).edge };
  }

  async function until(condition: () => boolean): Promise<void> {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  it('D45 SIGTERM: the in-flight request completes, the handler\'s SIGTERM listener runs, exit 0', async () => {
    let arrived = 0;
    const origin = await startOrigin((_req, res) => {
      arrived++;
      setTimeout(() => res.end('finished during the drain'), 500);
    });
    const { run, edge } = await serveWith(origin.url);
    try {
      const inFlight = fetch(`${edge}/slow`).then(async (response) => [response.status, await response.text()]);
      await until(() => arrived === 1);
      run.child.kill('SIGTERM');
      expect(await inFlight).toEqual([200, 'finished during the drain']);
      expect(await run.exited).toEqual({ code: 0, signal: null });
      const { stderr } = run.output();
      expect(stderr).toContain('[SIGTERM] draining in-flight requests');
      expect(stderr).toMatch(/\/aws\/lambda\/us-east-1\.hook .*\tINFO\tshutdown hook ran/);
    } finally {
      await stop(run);
      await origin.close();
    }
  });

  it('D45 the drain is bounded: an origin that never answers does not keep the process alive', async () => {
    let arrived = 0;
    const origin = await startRawOrigin(() => void arrived++);
    const { run, edge } = await serveWith(origin.url);
    try {
      const inFlight = fetch(`${edge}/stalled`).then((response) => response.status, () => 'connection closed');
      await until(() => arrived === 1);
      run.child.kill('SIGTERM');
      // Bounded by the 5 s drain, well inside this test's timeout (the origin's own read timeout is 30 s).
      expect(await run.exited).toEqual({ code: 0, signal: null });
      expect(await inFlight).toBe('connection closed');
    } finally {
      await stop(run);
      await origin.close();
    }
  });

  it('a second signal during the drain exits at once (130)', async () => {
    let arrived = 0;
    const origin = await startRawOrigin(() => void arrived++);
    const { run, edge } = await serveWith(origin.url);
    try {
      void fetch(`${edge}/stalled`).catch(() => {});
      await until(() => arrived === 1);
      run.child.kill('SIGTERM');
      await until(() => run.output().stderr.includes('[SIGTERM] draining'));
      run.child.kill('SIGINT');
      expect(await run.exited).toEqual({ code: 130, signal: null });
    } finally {
      await stop(run);
      await origin.close();
    }
  });
});
