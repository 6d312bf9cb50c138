import { basename, extname, resolve } from 'node:path';
import { ConfigError } from '../event/index.js';
import type { FunctionSpec } from './types.js';

// Lambda function names: letters, digits, hyphens and underscores, at most 64 characters.
const NAME_CHARACTERS = /[^A-Za-z0-9_-]/g;

/** A FunctionSpec for a bare module path (CLI `invoke`, `edge-dev/testing`): `$LATEST`, 128 MB, given timeout. */
export function functionSpecForModule(
  modulePath: string,
  overrides: Partial<FunctionSpec> = {},
): FunctionSpec {
  const hash = modulePath.lastIndexOf('#');
  const file = resolve(hash > 0 ? modulePath.slice(0, hash) : modulePath);
  const exportName = hash > 0 ? modulePath.slice(hash + 1) : 'handler';
  const name = (basename(file, extname(file)).replace(NAME_CHARACTERS, '-') || 'handler').slice(0, 64);
  const version = overrides.version ?? '$LATEST';
  const spec: FunctionSpec = {
    name,
    version,
    arn: `arn:aws:lambda:us-east-1:123456789012:function:${overrides.name ?? name}:${version}`,
    modulePath: file,
    exportName,
    runtime: defaultRuntime(file),
    memorySize: 128,
    timeout: 5,
    region: 'us-east-1',
    ...overrides,
  };
  if (overrides.modulePath !== undefined) spec.modulePath = resolve(overrides.modulePath);
  checkSpec(spec);
  return Object.freeze(spec);
}

/** §8.4: Lambda@Edge runs Node.js and Python; a `.py` file is a Python handler. */
export function defaultRuntime(modulePath: string): string {
  return extname(modulePath) === '.py' ? 'python3.12' : 'nodejs20.x';
}

// §4: Lambda's ranges; a bad value names the field and what it accepts.
function checkSpec(spec: FunctionSpec): void {
  const where = spec.modulePath;
  if (!Number.isInteger(spec.memorySize) || spec.memorySize < 128 || spec.memorySize > 10_240) {
    throw new ConfigError(where, 'memorySize', `is ${spec.memorySize}; use a whole number of MB from 128 to 10240`);
  }
  if (!Number.isFinite(spec.timeout) || spec.timeout <= 0 || spec.timeout > 900) {
    throw new ConfigError(where, 'timeout', `is ${spec.timeout}; use a number of seconds above 0 and at most 900`);
  }
  if (spec.exportName === '') {
    throw new ConfigError(where, 'exportName', 'is empty; name the exported handler function (default "handler")');
  }
  if (spec.concurrency !== undefined && (!Number.isInteger(spec.concurrency) || spec.concurrency < 1)) {
    throw new ConfigError(where, 'concurrency', `is ${spec.concurrency}; use a whole number of at least 1, or leave it out`);
  }
}
