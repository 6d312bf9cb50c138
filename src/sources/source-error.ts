import { ConfigError } from '../event/index.js';

/**
 * Why a source gives no configuration. `UnreadableSource`: the input cannot be read or parsed (exit 2);
 * `NoDistribution`: it reads, but no distribution can be converted from it (exit 1) — interface.md. A ConfigError,
 * so a config file's `from` reports it like any other config error.
 */
export type SourceErrorKind = 'UnreadableSource' | 'NoDistribution';

export class SourceError extends ConfigError {
  constructor(
    readonly kind: SourceErrorKind,
    file: string,
    /** `line N (path)` or a JSON path: where in `file`. */
    where: string,
    message: string,
  ) {
    super(file, where, message);
    this.name = 'SourceError';
  }
}
