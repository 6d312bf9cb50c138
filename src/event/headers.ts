import type { CfHeaders } from './types.js';

const TODO = (): never => {
  throw new Error('not implemented');
};

/** §1.6: node's `rawHeaders` ([name, value, ...]) to a header map, keeping wire case, order and repeats. */
export function headersFromRawHeaders(raw: readonly string[]): CfHeaders { return TODO(); }
/** §1.6: a header map to flat [name, value, ...], `key` synthesised when omitted. */
export function headersToRawHeaders(headers: CfHeaders): string[] { return TODO(); }
/** First value of a header by lower-case name. */
export function getHeaderValue(headers: CfHeaders, lowerName: string): string | undefined { return TODO(); }
/** Replace all values of a header with one. `key` defaults to the canonical form. */
export function setHeader(headers: CfHeaders, lowerName: string, value: string, key?: string): void { TODO(); }
export function deleteHeader(headers: CfHeaders, lowerName: string): void { TODO(); }
/** §1.6: `user-agent` -> `User-Agent`. */
export function canonicalHeaderKey(lowerName: string): string { return TODO(); }
/** §3.2: drop disallowed headers from a map bound for an event. Returns the same map when nothing was dropped. */
export function stripDisallowedHeaders(headers: CfHeaders): CfHeaders { return TODO(); }
