import { ConfigError } from '../event/errors.js';

/** Where a value sits: the file it came from and its JSON path inside that file. */
export interface JsonLocation {
  readonly file: string;
  readonly path: string;
}

/** Collects warnings while compiling; each names file and JSON path. */
export interface Diagnostics {
  readonly warnings: string[];
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function rootLocation(file: string, path = ''): JsonLocation {
  return { file, path };
}

/** `a.b`, or `a["arn:aws:..."]` for keys that are not identifiers. */
export function childLocation(loc: JsonLocation, key: string): JsonLocation {
  if (IDENTIFIER.test(key)) return { file: loc.file, path: loc.path ? `${loc.path}.${key}` : key };
  return { file: loc.file, path: `${loc.path}[${JSON.stringify(key)}]` };
}

export function indexLocation(loc: JsonLocation, index: number): JsonLocation {
  return { file: loc.file, path: `${loc.path}[${index}]` };
}

export function fail(loc: JsonLocation, message: string): never {
  throw new ConfigError(loc.file, loc.path, message);
}

export function warn(diagnostics: Diagnostics, loc: JsonLocation, message: string): void {
  diagnostics.warnings.push(`${loc.file}: ${loc.path ? `${loc.path}: ` : ''}${message}`);
}
