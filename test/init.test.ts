import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, spawnServe } from './helpers/serve-process.js';
import type { ServeProcess } from './helpers/serve-process.js';
import { rawRequest } from './helpers/raw-request.js';

/** Issue 12: `edge-dev init` writes a starter that serves on the first try and passes its own test. */
const ROOT = join(import.meta.dirname, '..');
const dir = join(mkdtempSync(join(tmpdir(), 'edge-dev-init-')), 'my-edge');
let run: ServeProcess | undefined;

afterAll(async () => {
  run?.child.kill('SIGKILL');
  await run?.exited;
});

describe('issue 12: edge-dev init', () => {
  it('writes the starter and says what to run next; refuses to write over it', () => {
    const first = spawnSync(process.execPath, [BIN, 'init', dir], { encoding: 'utf8' });
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('npx edge-dev serve');
    for (const file of ['edge-dev.config.json', 'handlers/viewer-request.mjs', 'handlers/handlers.test.mjs', 'public/index.html']) {
      expect(existsSync(join(dir, file))).toBe(true);
    }
    const again = spawnSync(process.execPath, [BIN, 'init', dir], { encoding: 'utf8' });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already has edge-dev.config.json');
  });

  it('serves on the first try: the page, a pretty URL, a redirect, the security headers', async () => {
    run = spawnServe(['--port', '0', '--control-port', '0'], { cwd: dir });
    const { edge } = await run.ready;
    const home = await rawRequest(`${edge}/`);
    expect([home.status, home.body]).toEqual([200, expect.stringContaining('Hello from the edge')]);
    expect(home.headers['strict-transport-security']).toMatch(/max-age=63072000/);
    expect((await rawRequest(`${edge}/about`)).body).toContain('<h1>About</h1>');
    const moved = await rawRequest(`${edge}/old/page`);
    expect([moved.status, moved.headers.location]).toEqual([301, '/page']);
  });

  it('passes its own test with Vitest (edge-dev and vitest installed in the project)', () => {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules', 'edge-dev'), 'dir');
    symlinkSync(join(ROOT, 'node_modules', 'vitest'), join(dir, 'node_modules', 'vitest'), 'dir');
    const vitest = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'handlers'], { cwd: dir, encoding: 'utf8' });
    expect(vitest.stdout + vitest.stderr).toMatch(/Tests\s+.*3 passed/);
    expect(vitest.status).toBe(0);
  }, 60_000);
});
