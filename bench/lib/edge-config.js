import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_DIR = resolve(BENCH_DIR, '..');
export const EDGE_BIN = join(REPO_DIR, 'bin', 'edge-dev.js');

/**
 * Copy `bench/fixtures/<name>.config.json` to a temp dir with the origin pointed at this run's origin server and the
 * handler paths made absolute (the fixture keeps a placeholder origin, since ports are picked per run).
 */
export function writeEdgeConfig(name, originUrl) {
  const source = join(BENCH_DIR, 'fixtures', `${name}.config.json`);
  const config = JSON.parse(readFileSync(source, 'utf8'));
  config.origins = { ...config.origins, origin: originUrl };
  for (const [fn, path] of Object.entries(config.functions ?? {})) {
    config.functions[fn] = isAbsolute(path) ? path : join(dirname(source), path);
  }
  const dir = mkdtempSync(join(tmpdir(), `edge-dev-bench-${name}-`));
  const file = join(dir, 'edge-dev.config.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

/** The `edge-dev serve` arguments every scenario uses: free loopback ports, no per-request log lines. */
export function serveArgs(configFile, { noCache = false, cacheMaxBytes } = {}) {
  const args = ['serve', '--config', configFile, '--port', '0', '--control-port', '0', '--quiet'];
  if (noCache) args.push('--no-cache');
  if (cacheMaxBytes !== undefined) args.push('--cache-max-bytes', String(cacheMaxBytes));
  return args;
}
