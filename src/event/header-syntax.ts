/**
 * Character tables for header names and values, built at load (style.md hot path).
 */
import { isUtf8 } from 'node:buffer';

// RFC 9110 token characters: the only ones a header name may hold on the wire.
const TOKEN = new Uint8Array(128);
for (const c of "!#$%&'*+-.^_`|~") TOKEN[c.charCodeAt(0)] = 1;
for (let c = 0x30; c <= 0x39; c++) TOKEN[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) TOKEN[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) TOKEN[c] = 1;

/** Whether a string is a non-empty HTTP token (a valid header name). */
export function isHeaderName(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 128 || TOKEN[c] === 0) return false;
  }
  return true;
}

/** Whether a header value holds CR, LF or NUL, which would split or end the header line. */
export function hasLineBreakOrNul(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 13 || c === 10 || c === 0) return true;
  }
  return false;
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * §1.6: header values reach functions as UTF-8; bytes that are not valid UTF-8 are read as ISO-8859-1.
 * `raw` is a latin1 byte string, as node and undici hand header values over.
 */
export function wireToText(raw: string): string {
  if (!NON_ASCII.test(raw)) return raw;
  const bytes = Buffer.from(raw, 'latin1');
  return isUtf8(bytes) ? bytes.toString('utf8') : raw;
}

/** The reverse of `wireToText`: a text value as a latin1 byte string of its UTF-8 bytes, ready for node/undici. */
export function textToWire(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return Buffer.from(text, 'utf8').toString('latin1');
}
