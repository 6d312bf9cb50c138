import type { CompiledDistribution } from './types.js';

export interface LoadedConfig {
  distribution: CompiledDistribution;
  /** Every file the config depends on (config, distribution JSON, handler modules): watch these to reload. */
  files: string[];
}

/** Read `edge-dev.config.json` (or `file`), validate and compile. Throws ConfigError naming file, JSON path and fix. */
export async function loadConfig(file: string): Promise<LoadedConfig> {
  throw new Error('not implemented');
}

/** Compile already-parsed config JSON; `file` is used in messages and as the base for relative paths. */
export function compileConfig(json: unknown, file: string): LoadedConfig {
  throw new Error('not implemented');
}

/** What `edge-dev check` needs from the config file, without requiring local handler code or origins. */
export interface RawConfig {
  file: string;
  /** The DistributionConfig in the API's JSON shape (unwrapped from get-distribution-config output or a path). */
  distributionConfig: Record<string, unknown>;
  distributionId: string;
  domainName: string;
  /** The `functions` object as written (keys are ARNs or names). */
  functions: Record<string, unknown>;
}

/** Read the config file and its distribution JSON without compiling; throws ConfigError on unreadable input. */
export async function readRawConfig(file: string): Promise<RawConfig> {
  throw new Error('not implemented');
}
