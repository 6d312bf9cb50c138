/**
 * Character rules for `request.origin` fields (§1.8), as tables built at load.
 */
import { isIP } from 'node:net';

const DNS = new Uint8Array(128);
for (const c of '-._') DNS[c.charCodeAt(0)] = 1;
for (let c = 0x30; c <= 0x39; c++) DNS[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) DNS[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) DNS[c] = 1;

// RFC 3986 path characters: unreserved, sub-delims, ":", "@", "/" and "%" of percent-encodings.
const URL_PATH = new Uint8Array(128);
for (const c of "-._~!$&'()*+,;=:@/%") URL_PATH[c.charCodeAt(0)] = 1;
for (let c = 0x30; c <= 0x39; c++) URL_PATH[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) URL_PATH[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) URL_PATH[c] = 1;

function allIn(table: Uint8Array, text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || table[c] === 0) return false;
  }
  return true;
}

/** A DNS name: letters, digits, `-`, `.`, `_`; not an IP address. */
export function isDnsName(name: string): boolean {
  return name.length > 0 && allIn(DNS, name) && isIP(name) === 0;
}

/** Only characters a URL-encoded path may hold. */
export function isUrlEncodedPath(path: string): boolean {
  return allIn(URL_PATH, path);
}

/** Whether a string holds an ASCII upper-case letter. */
export function hasUpperCase(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return true;
  }
  return false;
}
