import { writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { importSource, SourceError, type SourceConfig } from '../sources/index.js';
import type { ImportFlags } from './import-command.js';
import { keyValueFlags } from './key-value-flags.js';

/** An absolute path (or `path#export`) relative to `base`, written with `./` as the config file expects. */
function relativePath(value: string, base: string): string {
  const [path, exportName] = value.split('#') as [string, string | undefined];
  const rel = relative(base, path).split(sep).join('/');
  return `${rel.startsWith('../') ? rel : `./${rel}`}${exportName === undefined ? '' : `#${exportName}`}`;
}

/** interface.md: paths relative to the output file, or to the working directory for stdout. */
export function relativeConfig(config: SourceConfig, base: string): Record<string, unknown> {
  const functions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config.functions)) {
    if (typeof value === 'string') functions[key] = relativePath(value, base);
    else {
      const entry = { ...(value as Record<string, unknown>) };
      for (const field of ['handler', 'code', 'keyValueStore']) if (typeof entry[field] === 'string') entry[field] = relativePath(entry[field], base);
      functions[key] = entry;
    }
  }
  const out: Record<string, unknown> = { distribution: config.distribution };
  for (const [key, value] of Object.entries({ ...config, functions })) {
    if (key !== 'distribution' && Object.keys(value).length) out[key] = value;
  }
  return out;
}

/** `edge-dev import`: convert, print or write the configuration, warnings on stderr; exit 0, 1 or 2. */
export async function runImport(path: string, flags: ImportFlags): Promise<void> {
  try {
    const out = flags.out === undefined ? undefined : resolve(flags.out);
    const base = out === undefined ? process.cwd() : dirname(out);
    const result = await importSource(path, {
      stack: flags.stack,
      distribution: flags.distribution,
      parameters: keyValueFlags('--parameter', flags.parameter),
      variables: keyValueFlags('--var', flags.var),
      // Inline code becomes files next to the output.
      codeDir: join(base, '.edge-dev', 'inline'),
    });
    for (const warning of result.warnings) process.stderr.write(`edge-dev: warning: ${warning}\n`);
    const text = `${JSON.stringify(relativeConfig(result.config, base), null, 2)}\n`;
    if (out === undefined) process.stdout.write(text);
    else {
      writeFileSync(out, text);
      process.stderr.write(`edge-dev: wrote ${out} (${result.format})\n`);
    }
  } catch (error) {
    process.stderr.write(`edge-dev: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof SourceError && error.kind === 'NoDistribution' ? 1 : 2;
  }
}
