import type { CfHeaders } from './types.js';

/**
 * §4 (D30): a request's line and headers, and a response's status line and headers, are at most 20,480 bytes,
 * counted the same way on every path: the start line and each `Name: value` line with their CRLFs, not the blank
 * line that ends the block. Names and values are latin1 on the wire, so string lengths are byte counts.
 */
export const MAX_HEADER_BLOCK_BYTES = 20_480;

/** Bytes of a flat [name, value, ...] list as header lines. */
export function headerLinesBytes(raw: readonly (string | Buffer)[]): number {
  let bytes = 0;
  for (let i = 0; i < raw.length; i++) bytes += raw[i]!.length + 2; // `: ` after a name, CRLF after a value
  return bytes;
}

/** Bytes of a header map as header lines (`Key: value` CRLF), the measure of every §4 size limit on a map. */
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

/** `GET /path?query HTTP/1.1` CRLF. */
export function requestLineBytes(method: string, url: string): number {
  return method.length + 1 + url.length + 11;
}

/** `HTTP/1.1 200 OK` CRLF. */
export function statusLineBytes(status: number | string, description: string): number {
  return 9 + String(status).length + 1 + description.length + 2;
}
