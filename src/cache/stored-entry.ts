import { headersFromRawHeaders, headersToRawHeaders } from '../event/index.js';
import type { CfHeaders } from '../event/types.js';
import type { CacheEntry } from './types.js';

/**
 * An entry as the cache keeps it: the headers in one Buffer, off the V8 heap. Kept as header maps, 100k cached
 * 1 KB objects held 1.7 KB of V8 heap each, and V8 lets a large live heap grow well past it before collecting
 * (peak RSS 1.7x the byte budget in `bench/`).
 */
export interface StoredEntry extends Omit<CacheEntry, 'headers'> {
  /** The header lines the edge passes to viewers, then those it sets itself (EDGE_SET_HEADERS). */
  wire: Buffer;
  /** Bytes of `wire` before the edge-set lines. */
  viewerBytes: number;
}

/**
 * §6.1, D42: response headers the edge sets on every viewer response itself, replacing any stored value. A hit reads
 * only the lines before them, so it needs no per-request filtering.
 */
export const EDGE_SET_HEADERS: ReadonlySet<string> = new Set([
  'x-cache',
  'via',
  'x-amz-cf-pop',
  'x-amz-cf-id',
  'age',
  'content-length',
  'transfer-encoding',
]);

// Header names and values never contain a line feed (llhttp and the validator refuse them).
const SEPARATOR = '\n';

export function toStored(entry: CacheEntry): StoredEntry {
  const raw = entry instanceof CachedEntry ? entry.rawHeaders : headersToRawHeaders(entry.headers);
  return {
    key: entry.key,
    invalidationPath: entry.invalidationPath,
    status: entry.status,
    statusDescription: entry.statusDescription,
    body: entry.body,
    storedAt: entry.storedAt,
    ttlMs: entry.ttlMs,
    staleWhileRevalidateMs: entry.staleWhileRevalidateMs,
    staleIfErrorMs: entry.staleIfErrorMs,
    headOnly: entry.headOnly,
    ...encodeHeaders(raw),
  };
}

function encodeHeaders(raw: readonly string[]): { wire: Buffer; viewerBytes: number } {
  const viewer: string[] = [];
  const edgeSet: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    (EDGE_SET_HEADERS.has(raw[i]!.toLowerCase()) ? edgeSet : viewer).push(raw[i]!, raw[i + 1]!);
  }
  const viewerText = viewer.join(SEPARATOR);
  const rest = edgeSet.join(SEPARATOR);
  const text = rest === '' ? viewerText : viewerText === '' ? rest : `${viewerText}${SEPARATOR}${rest}`;
  return { wire: Buffer.from(text, 'latin1'), viewerBytes: viewerText.length };
}

function decodeHeaders(wire: Buffer, end: number): string[] {
  return end === 0 ? [] : wire.toString('latin1', 0, end).split(SEPARATOR);
}

/**
 * The entry the cache hands out: fields copied, the header map decoded from the wire form on first use. A class,
 * not an object literal with a getter, which V8 builds 20x slower (this is on every cache hit). A copy made with
 * `{ ...entry }` has neither the map nor the wire form: replace headers explicitly, as a new response.
 */
export class CachedEntry implements CacheEntry {
  readonly key: string;
  readonly invalidationPath: string;
  readonly status: number;
  readonly statusDescription: string;
  readonly body: Buffer;
  readonly storedAt: number;
  readonly ttlMs: number;
  readonly staleWhileRevalidateMs: number;
  readonly staleIfErrorMs: number;
  readonly headOnly: boolean;
  readonly #stored: StoredEntry;
  #headers: CfHeaders | undefined;

  constructor(stored: StoredEntry) {
    this.key = stored.key;
    this.invalidationPath = stored.invalidationPath;
    this.status = stored.status;
    this.statusDescription = stored.statusDescription;
    this.body = stored.body;
    this.storedAt = stored.storedAt;
    this.ttlMs = stored.ttlMs;
    this.staleWhileRevalidateMs = stored.staleWhileRevalidateMs;
    this.staleIfErrorMs = stored.staleIfErrorMs;
    this.headOnly = stored.headOnly;
    this.#stored = stored;
  }

  get headers(): CfHeaders {
    return (this.#headers ??= headersFromRawHeaders(decodeHeaders(this.#stored.wire, this.#stored.wire.length)));
  }

  /** All headers in wire form (node's `rawHeaders` shape: [name, value, ...] latin1 byte strings). */
  get rawHeaders(): readonly string[] {
    return decodeHeaders(this.#stored.wire, this.#stored.wire.length);
  }

  /** The headers a viewer gets from this entry, without those the edge sets itself (EDGE_SET_HEADERS). */
  get viewerRawHeaders(): string[] {
    return decodeHeaders(this.#stored.wire, this.#stored.viewerBytes);
  }
}

/**
 * A cached entry's viewer-facing headers in wire form, without EDGE_SET_HEADERS (so they need no encoding or
 * filtering), else undefined.
 */
export function cachedViewerWireHeaders(response: object): string[] | undefined {
  return response instanceof CachedEntry ? response.viewerRawHeaders : undefined;
}
