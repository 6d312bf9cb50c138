import type { CompiledDistribution } from './types.js';
import { compileDistribution } from './compile-distribution.js';
import { expandFrom } from './expand-from.js';
import { readJsonFile } from './parse-json.js';
import { readRawParts, type RawConfig } from './raw-config.js';

export type { RawConfig } from './raw-config.js';

export interface LoadedConfig {
  distribution: CompiledDistribution;
  /** Every file the config depends on (config, distribution JSON, handler modules): watch these to reload. */
  files: string[];
}

/** Read `edge-dev.config.json` (or `file`), validate and compile. Throws ConfigError naming file, JSON path and fix. */
export async function loadConfig(file: string): Promise<LoadedConfig> {
  const expanded = await expandFrom(await readJsonFile(file, 'the config file'), file);
  const loaded = compileDistribution(expanded.json, file, expanded.warnings);
  return { ...loaded, files: [...loaded.files, ...expanded.files] };
}

/** Compile already-parsed config JSON; `file` is used in messages and as the base for relative paths. */
export function compileConfig(json: unknown, file: string): LoadedConfig {
  return compileDistribution(json, file);
}

/** Read the config file and its distribution JSON without compiling; throws ConfigError on unreadable input. */
export async function readRawConfig(file: string): Promise<RawConfig> {
  const expanded = await expandFrom(await readJsonFile(file, 'the config file'), file);
  return readRawParts(expanded.json, file, { warnings: expanded.warnings }).raw;
}
