import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// Each command loads only the parts it uses: `serve` starts faster without policy/, testing/ and esbuild.
const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'edge-dev.js');
const CONFIG = join(ROOT, 'bench', 'fixtures', 'viewer-triggers.config.json');
const scratch = mkdtempSync(join(tmpdir(), 'edge-dev-cli-loads-'));

// A module loader hook (it runs on Node's loader thread) that writes every URL loaded through `import`.
const hooks = join(scratch, 'hooks.mjs');
writeFileSync(
  hooks,
  `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.EDGE_DEV_TEST_LOADS, url + '\\n');
  return next(url, context);
}
`,
);
const register = join(scratch, 'register.mjs');
writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);

let runs = 0;

/** Runs the CLI until `done` holds for its stdout (then SIGTERM) or it exits; resolves with the URLs it loaded. */
function loadedBy(args: string[], done: (stdout: string) => boolean = () => false): Promise<string[]> {
  const log = join(scratch, `loads-${++runs}.txt`);
  writeFileSync(log, '');
  const child = spawn(process.execPath, ['--import', register, BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, EDGE_DEV_TEST_LOADS: log },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    if (done(stdout)) child.kill('SIGTERM');
  });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`edge-dev ${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve(readFileSync(log, 'utf8').split('\n').filter(Boolean));
    });
  });
}

// The CLI runs a bundle (dist/bundle/): esbuild labels each module it holds with a `// dist/<part>/...` comment.
const bundled = (url: string) => (url.includes('/dist/bundle/') ? readFileSync(fileURLToPath(url), 'utf8') : '');
const part = (name: string) => (url: string) => url.includes(`/dist/${name}/`) || bundled(url).includes(`// dist/${name}/`);
const pkg = (name: string) => (url: string) => url.includes(`/node_modules/${name}/`);

describe('edge-dev commands load only what they use', () => {
  it('serve loads the server but not policy/, testing/ or esbuild', async () => {
    const loaded = await loadedBy(
      ['serve', '--config', CONFIG, '--port', '0', '--control-port', '0', '--quiet'],
      (stdout) => stdout.includes('control API listening on'),
    );
    expect(loaded.some(part('server'))).toBe(true);
    expect(loaded.some(part('runtime'))).toBe(true);
    expect(loaded.filter(part('policy'))).toEqual([]);
    expect(loaded.filter(part('testing'))).toEqual([]);
    expect(loaded.filter(pkg('esbuild'))).toEqual([]);
    // Issue 10: the importers and their parsers load only for `import`, `from` and `serve --from`.
    expect(loaded.filter(part('sources'))).toEqual([]);
    expect(loaded.filter(pkg('yaml'))).toEqual([]);
  });

  it('event loads the event builder only', async () => {
    const loaded = await loadedBy(['event', 'viewer-request', '--uri', '/x']);
    expect(loaded.some(part('event'))).toBe(true);
    for (const name of ['server', 'runtime', 'config', 'policy', 'testing', 'edge', 'origin']) {
      expect(loaded.filter(part(name))).toEqual([]);
    }
    for (const name of ['undici', 'hono', 'esbuild']) expect(loaded.filter(pkg(name))).toEqual([]);
  });
});
