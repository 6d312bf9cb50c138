import { childLocation, indexLocation, rootLocation, type JsonLocation } from '../../config/index.js';
import { SourceError } from '../source-error.js';

/**
 * One parsed source file: its value and, for YAML and HCL, the line of each JSON path, so every message names the
 * file, the line or path, and what fixes it (issue 10 "Bad input").
 */
export class SourceDocument {
  readonly root: JsonLocation;

  constructor(
    readonly file: string,
    readonly value: unknown,
    private readonly lines: ReadonlyMap<string, number> = new Map(),
  ) {
    this.root = rootLocation(file);
  }

  /** `line 12 (Resources.Site.Properties)` for YAML/HCL (the nearest line that is known), else the JSON path. */
  where(loc: JsonLocation): string {
    for (let path = loc.path; ; path = parentPath(path)) {
      const line = this.lines.get(path);
      if (line !== undefined) return loc.path ? `line ${line} (${loc.path})` : `line ${line}`;
      if (path === '') return loc.path;
    }
  }

  at(...keys: (string | number)[]): JsonLocation {
    return keys.reduce<JsonLocation>((loc, key) => (typeof key === 'number' ? indexLocation(loc, key) : childLocation(loc, key)), this.root);
  }

  warning(loc: JsonLocation, message: string): string {
    const where = this.where(loc);
    return `${this.file}: ${where ? `${where}: ` : ''}${message}`;
  }

  noDistribution(loc: JsonLocation, message: string): SourceError {
    return new SourceError('NoDistribution', this.file, this.where(loc), message);
  }

  unreadable(loc: JsonLocation, message: string): SourceError {
    return new SourceError('UnreadableSource', this.file, this.where(loc), message);
  }
}

function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? '' : path.slice(0, cut);
}
