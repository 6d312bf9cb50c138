import { ConfigError } from '../event/index.js';

/** Bad input ends the command with one clear message and exit code 2; nothing is started. */
export function reportFatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`edge-dev: ${message}\n`);
  process.exitCode = 2;
}

export function parsePort(flag: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('command line', flag, `expected a port number 0–65535, got "${value}"`);
  }
  return port;
}

export function positiveInteger(flag: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new ConfigError('command line', flag, `expected a positive whole number, got "${value}"`);
  return number;
}
