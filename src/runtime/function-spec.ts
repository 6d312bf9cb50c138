import type { FunctionSpec } from './types.js';

/** A FunctionSpec for a bare module path (CLI `invoke`, `edge-dev/testing`): `$LATEST`, 128 MB, given timeout. */
export function functionSpecForModule(
  modulePath: string,
  overrides: Partial<FunctionSpec> = {},
): FunctionSpec {
  throw new Error('not implemented');
}
