import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arn, makeDistribution } from './helpers/distribution.js';
import { spawnServe } from './helpers/serve-process.js';

/**
 * Issue 6: bad configuration and files, against real `edge-dev serve` processes. Each error names the file, the
 * JSON path and the fix, exits 2, and nothing is started; unknown keys are warnings with a did-you-mean.
 */
const ORIGINS = { origin: 'http://127.0.0.1:9' };

function configDir(config: unknown, files: Record<string, string> = {}): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'edge-dev-bad-config-'));
  for (const [name, source] of Object.entries(files)) writeFileSync(join(dir, name), source);
  const file = join(dir, 'edge-dev.config.json');
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return { dir, file };
}

/** Runs serve on the config and expects exit 2 with every fragment in stderr, and no listener. */
async function expectRefused(file: string, fragments: (string | RegExp)[], extraArgs: string[] = []): Promise<string> {
  const run = spawnServe(['--config', file, '--port', '0', '--control-port', '0', ...extraArgs]);
  const { code } = await run.exited;
  const { stdout, stderr } = run.output();
  expect(code).toBe(2);
  expect(stdout).not.toContain('listening');
  for (const fragment of fragments) expect(stderr).toMatch(fragment instanceof RegExp ? fragment : new RegExp(escape(fragment)));
  // One clear message, not a stack trace.
  expect(stderr).not.toMatch(/^\s+at /m);
  return stderr;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const withViewerRequest = () => makeDistribution({ defaultBehavior: { lambdas: { 'viewer-request': arn('auth') } } });

describe('bad configuration: a clear error naming file and JSON path, exit 2, nothing started', () => {
  it('malformed JSON: the file, line and column', async () => {
    const { file } = configDir('{ "distribution": { "Origins": [1,, ] } }');
    await expectRefused(file, [file, 'malformed JSON at line 1, column 35', 'no trailing commas']);
  });

  it('an empty file is malformed JSON, not a crash', async () => {
    const { file } = configDir('');
    await expectRefused(file, [file, 'malformed JSON']);
  });

  it('a JSON array instead of an object', async () => {
    const { file } = configDir('[]');
    await expectRefused(file, [file, 'expected a JSON object with a "distribution" key', 'got an array']);
  });

  it('a wrong type deep in the distribution: the JSON path and what it accepts', async () => {
    const distribution = makeDistribution() as { Origins: { Items: { CustomOriginConfig: Record<string, unknown> }[] } };
    distribution.Origins.Items[0]!.CustomOriginConfig.OriginReadTimeout = 'thirty';
    const { file } = configDir({ distribution, origins: ORIGINS });
    await expectRefused(file, [file, 'distribution.Origins.Items[0].CustomOriginConfig.OriginReadTimeout', 'expected an integer from 1 to 120', '"thirty"']);
  });

  it('a wrong type at the top: distribution is a number', async () => {
    const { file } = configDir({ distribution: 42 });
    await expectRefused(file, [file, 'distribution: expected an object']);
  });

  it('a missing handler file: functions.<name>, the resolved path and the fix', async () => {
    const { dir, file } = configDir({ distribution: withViewerRequest(), functions: { auth: './handlers/auth.mjs' }, origins: ORIGINS });
    await expectRefused(file, [file, 'functions.auth', join(dir, 'handlers', 'auth.mjs'), 'does not exist', 'fix the path']);
  });

  it('a handler path that is not a module', async () => {
    const { file } = configDir({ distribution: withViewerRequest(), functions: { auth: './' }, origins: ORIGINS });
    await expectRefused(file, [file, 'functions.auth', 'is not a module path ending in .js, .mjs, .cjs, .ts']);
  });

  it('an association with no local code: the association\'s JSON path and the keys that would match', async () => {
    const { file } = configDir({ distribution: withViewerRequest(), origins: ORIGINS });
    await expectRefused(file, [file, 'distribution.DefaultCacheBehavior.LambdaFunctionAssociations.Items[0].LambdaFunctionARN', 'add a `functions` entry']);
  });

  it('a behavior that targets an unknown origin Id', async () => {
    const { file } = configDir({ distribution: makeDistribution({ defaultBehavior: { origin: 'nope' } }), origins: ORIGINS });
    await expectRefused(file, [file, 'TargetOriginId', 'nope']);
  });

  it('an origins entry for an origin Id the distribution does not have', async () => {
    const { file } = configDir({ distribution: makeDistribution(), origins: { ...ORIGINS, orign: 'http://127.0.0.1:9' } });
    await expectRefused(file, [file, 'origins.orign', 'is not an origin Id of the distribution', 'did you mean "origin"?']);
  });

  it('an origin directory that does not exist, and an origin URL that is not http(s)', async () => {
    const missing = configDir({ distribution: makeDistribution(), origins: { origin: './site' } });
    await expectRefused(missing.file, [missing.file, 'origins.origin', join(missing.dir, 'site'), 'does not exist']);
    const ftp = configDir({ distribution: makeDistribution(), origins: { origin: 'ftp://127.0.0.1/' } });
    await expectRefused(ftp.file, [ftp.file, 'origins.origin', 'only http:// and https:// URLs are supported']);
  });

  it('a distribution file named by the config that is missing', async () => {
    const { dir, file } = configDir({ distribution: './distribution.json', origins: ORIGINS });
    await expectRefused(file, [join(dir, 'distribution.json'), file, 'file not found']);
  });

  it('a config path that does not exist, or is a directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edge-dev-bad-config-'));
    await expectRefused(join(dir, 'absent.json'), [join(dir, 'absent.json'), 'cannot read the config file: file not found']);
    await expectRefused(dir, [dir, 'is a directory, not a file']);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable config file (not testable as root)', async () => {
    const { file } = configDir({ distribution: makeDistribution(), origins: ORIGINS });
    chmodSync(file, 0o000);
    await expectRefused(file, [file, 'cannot read the config file']);
  });

  it('bad flags: a port that is not a number', async () => {
    const { file } = configDir({ distribution: makeDistribution(), origins: ORIGINS });
    await expectRefused(file, ['--port', 'expected a port number 0–65535, got "abc"'], ['--port', 'abc']);
  });
});

describe('a port already in use', () => {
  let blocker: Server;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it('exit 2 naming the address, nothing started', async () => {
    const port = String((blocker.address() as AddressInfo).port);
    const { file } = configDir({ distribution: makeDistribution(), origins: ORIGINS });
    const run = spawnServe(['--config', file, '--port', port, '--control-port', '0']);
    const { code } = await run.exited;
    expect(code).toBe(2);
    expect(run.output().stdout).not.toContain('listening');
    expect(run.output().stderr).toMatch(new RegExp(`EADDRINUSE.*127\\.0\\.0\\.1:${port}|127\\.0\\.0\\.1:${port}.*in use`));
  });
});

describe('unknown keys are warnings with a did-you-mean; serve starts', () => {
  it('a misspelt key deep in the distribution and at the top of the config', async () => {
    const distribution = makeDistribution() as { Origins: { Items: { CustomOriginConfig: Record<string, unknown> }[] } };
    distribution.Origins.Items[0]!.CustomOriginConfig.OriginReadTimout = 5;
    const { dir, file } = configDir({ distribution, origins: ORIGINS, fucntions: {} });
    mkdirSync(join(dir, 'unused'));
    const run = spawnServe(['--config', file, '--port', '0', '--control-port', '0']);
    await run.ready;
    const { stderr } = run.output();
    expect(stderr).toContain(
      `${file}: distribution.Origins.Items[0].CustomOriginConfig.OriginReadTimout: unknown key "OriginReadTimout" is ignored; did you mean "OriginReadTimeout"?`,
    );
    expect(stderr).toContain(`${file}: fucntions: unknown key "fucntions" is ignored; did you mean "functions"?`);
    run.child.kill('SIGTERM');
    expect((await run.exited).code).toBe(0);
  });
});
