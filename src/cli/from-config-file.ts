import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { keyValueFlags } from './key-value-flags.js';

/** The `--from PATH` flags of `serve` and `check`: the source, and the values its conversion takes. */
export interface FromFlags {
  from: string;
  parameter: string[];
  var: string[];
}

/**
 * interface.md: `--from PATH` is a config file holding only `"from"` (with `--parameter` and `--var` as its
 * `parameters` and `variables`), in a temp directory named after the path, so repeated runs reuse it instead of
 * leaving one behind each time.
 */
export function fromConfigFile(flags: FromFlags): string {
  const path = resolve(flags.from);
  const dir = join(tmpdir(), `edge-dev-serve-from-${createHash('sha256').update(path).digest('hex').slice(0, 16)}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'edge-dev.config.json');
  const from = { path, parameters: keyValueFlags('--parameter', flags.parameter), variables: keyValueFlags('--var', flags.var) };
  writeFileSync(file, JSON.stringify({ from }));
  return file;
}
