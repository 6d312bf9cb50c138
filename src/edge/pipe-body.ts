import { pipeline } from 'node:stream';
import type { Duplex, Readable } from 'node:stream';

/**
 * Issue 9: `source` flows through `through`, with backpressure both ways; either side failing or being destroyed
 * (an origin that breaks, a viewer that leaves) ends both. The failure reaches whoever reads `through`.
 */
export function pipeBody<T extends Duplex>(source: Readable, through: T): T {
  pipeline(source, through, ignoreError);
  return through;
}

function ignoreError(): void {}
