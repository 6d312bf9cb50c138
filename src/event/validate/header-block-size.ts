import type { CfHeaders } from '../types.js';

/** Bytes of a header map as header lines (`Key: value` CRLF), the measure edge-dev uses for the §4 size limits. */
export function headerBlockBytes(headers: CfHeaders): number {
  let bytes = 0;
  for (const name of Object.keys(headers)) {
    const list = headers[name]!;
    for (let i = 0; i < list.length; i++) {
      const entry = list[i]!;
      bytes += Buffer.byteLength(entry.key ?? name) + Buffer.byteLength(entry.value) + 4;
    }
  }
  return bytes;
}
