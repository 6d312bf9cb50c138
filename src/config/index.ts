/**
 * @module config — reads and checks the config file once and compiles the distribution (interface.md).
 */
export type * from './types.js';
export { loadConfig, compileConfig, readRawConfig } from './load-config.js';
export type { LoadedConfig, RawConfig } from './load-config.js';
