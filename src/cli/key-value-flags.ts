import { ConfigError } from '../event/index.js';

/** `KEY=VALUE` flags (`--parameter`, `--var`) as a map; a malformed one is a ConfigError naming the flag. */
export function keyValueFlags(flag: string, values: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    if (eq <= 0) throw new ConfigError('command line', flag, `expected KEY=VALUE, got "${value}"`);
    map[value.slice(0, eq)] = value.slice(eq + 1);
  }
  return map;
}
