import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import type { Pool as UndiciPool } from 'undici';
import type { CfHeaders, CfRequest, HttpResponse } from '../event/types.js';
import type { CompiledDistribution, CompiledOrigin } from '../config/types.js';
import { headersToRawHeaders, newHeaderMap } from '../event/index.js';
import { classifyError } from './classify-error.js';
import { DirectoryOrigin } from './directory-origin.js';
import { dispatchOnce } from './dispatch-once.js';
import { upgradeOnce } from './upgrade-once.js';
import type { UpgradedOrigin } from './upgrade-once.js';
import { OriginError } from './errors.js';

// undici's index loads every API it has (fetch, WebSocket, the cache, mocks): ~170 ms of every start-up against
// ~55 ms for the Pool alone. undici has no exports map; the lock file pins the version this path belongs to.
const Pool = createRequire(import.meta.url)('undici/lib/dispatcher/pool.js') as typeof UndiciPool;
type Pool = UndiciPool;

export interface OriginFetchOptions {
  /** The request body to send (viewer body, or the replacement from a handler); a stream goes as it arrives. */
  body?: Buffer | Readable;
  /** The viewer request id, sent as `X-Amz-Cf-Id` (§6.2); it never appears in events (§3.2). */
  requestId?: string;
}

/** Where one origin request goes and with which limits (§4, §2.5). */
interface UrlTarget {
  /** `http://host:port`: one Pool each (with its keep-alive and connect timeout). */
  base: string;
  path: string;
  connectTimeoutMs: number;
  attempts: number;
  readTimeoutMs: number;
  keepAliveMs: number;
  /** For messages: the origin domain and where it was mapped. */
  label: string;
}

// §4: CloudFront's defaults for an origin edge-dev knows nothing about (a handler pointed elsewhere).
const DEFAULT_CONNECT_SECONDS = 10;
const DEFAULT_ATTEMPTS = 3;
const DEFAULT_READ_SECONDS = 30;
const DEFAULT_KEEPALIVE_SECONDS = 5;
// Above D30's 20,480 so that dispatch-once measures and answers the limit itself.
const UNDICI_MAX_HEADER_SIZE = 65_536;

// Never sent as given: undici frames the body itself and owns the connection (§6.2 `Connection: Keep-Alive`).
const NOT_SENT = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'expect']);

function ms(seconds: number): number {
  return Math.max(1, Math.round(seconds * 1000));
}

function hostPort(host: string, port: number): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * §3.4, §6.2: the header lines sent: the request's headers, then the origin custom headers (overwriting
 * same-named ones), then `X-Amz-Cf-Id`.
 */
export function headersToSend(headers: CfHeaders, customHeaders: CfHeaders | undefined, requestId?: string): string[] {
  const merged = newHeaderMap();
  for (const name in headers) {
    if (NOT_SENT.has(name) || (customHeaders !== undefined && Object.hasOwn(customHeaders, name))) continue;
    merged[name] = headers[name]!;
  }
  if (customHeaders !== undefined) for (const name in customHeaders) merged[name] = customHeaders[name]!;
  if (requestId !== undefined) merged['x-amz-cf-id'] = [{ key: 'X-Amz-Cf-Id', value: requestId }];
  return headersToRawHeaders(merged);
}

/**
 * Fetches origin requests: undici Pools with keep-alive for URL origins, the filesystem (S3-like) for directory
 * origins. `request.origin` decides where (D11: a domain equal to a configured origin's uses its local mapping).
 */
export class OriginClient {
  private readonly byDomain = new Map<string, CompiledOrigin>();
  private readonly pools = new Map<string, Pool>();
  private readonly directories = new Map<string, DirectoryOrigin>();

  constructor(readonly distribution: CompiledDistribution) {
    for (const origin of distribution.origins.values()) {
      const domain = origin.domainName.toLowerCase();
      if (!this.byDomain.has(domain)) this.byDomain.set(domain, origin);
    }
  }

  /** Resolves with the origin's response (any status); rejects only with OriginError (502/504). */
  async fetch(request: CfRequest, options?: OriginFetchOptions): Promise<HttpResponse> {
    const custom = request.origin?.custom;
    const s3 = request.origin?.s3;
    const domainName = custom?.domainName ?? s3?.domainName;
    if (domainName === undefined) throw new OriginError(502, 'the origin request has no `origin` (custom or s3)');
    const originPath = custom?.path ?? s3?.path ?? '';
    const configured = this.byDomain.get(domainName.toLowerCase());

    if (configured !== undefined && configured.location.kind === 'directory') {
      const directory = this.directory(configured.location.root);
      try {
        return await directory.serve(request.method, originPath + request.uri, request.headers);
      } catch (error) {
        const what = error instanceof Error ? error.message : String(error);
        throw new OriginError(502, `origin ${domainName} (directory ${configured.location.root}): ${what}`);
      }
    }

    const target = this.target(request, domainName, originPath, configured);
    const headers = headersToSend(request.headers, custom?.customHeaders ?? s3?.customHeaders, options?.requestId);
    // A streamed body keeps the viewer's framing: its Content-Length when it had one (undici checks it), else chunked.
    const declaredLength = request.headers['content-length']?.[0]?.value;
    if (options?.body !== undefined && !Buffer.isBuffer(options.body) && declaredLength !== undefined) headers.push('Content-Length', declaredLength);
    const pool = this.pool(target);
    const method = request.method;
    const input = {
      method,
      path: target.path,
      headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : options?.body,
      readTimeoutMs: target.readTimeoutMs,
    };
    for (let attempt = 1; ; attempt++) {
      try {
        return await dispatchOnce(pool, input);
      } catch (error) {
        const failure = classifyError(error);
        // §2.5: connection failures use up the connection attempts; §7.2: read timeouts retry GET/HEAD only.
        const retry =
          attempt < target.attempts &&
          (failure.kind === 'connect' ||
            failure.kind === 'connect-timeout' ||
            (failure.kind === 'read-timeout' && (method === 'GET' || method === 'HEAD')));
        if (!retry) {
          const tries = attempt === 1 ? '1 attempt' : `${attempt} attempts`;
          throw new OriginError(failure.status, `origin ${target.label}: ${failure.what} after ${tries}`);
        }
      }
    }
  }

  /**
   * Issue 9: a WebSocket handshake (`Upgrade: websocket`) for a URL origin. CloudFront adds the hop-by-hop
   * `Connection: Upgrade` and `Upgrade: websocket` itself; the `Sec-WebSocket-*` headers reach the origin only when
   * the behavior forwards them (dg:distribution-working-with.websockets).
   */
  async upgrade(request: CfRequest, requestId: string): Promise<UpgradedOrigin | HttpResponse> {
    const custom = request.origin?.custom;
    const s3 = request.origin?.s3;
    const domainName = custom?.domainName ?? s3?.domainName;
    if (domainName === undefined) throw new OriginError(502, 'the origin request has no `origin` (custom or s3)');
    const configured = this.byDomain.get(domainName.toLowerCase());
    if (configured?.location.kind === 'directory') throw new OriginError(502, `origin ${domainName} is a directory: it cannot accept a WebSocket`);
    const target = this.target(request, domainName, custom?.path ?? s3?.path ?? '', configured);
    const headers = headersToSend(request.headers, custom?.customHeaders ?? s3?.customHeaders, requestId);
    headers.push('Connection', 'Upgrade', 'Upgrade', 'websocket');
    return upgradeOnce(target.base, target.path, headers, target.readTimeoutMs);
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }

  /** Server stop after the drain: requests still waiting on an origin are abandoned, not waited for. */
  async destroy(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.destroy()));
  }

  private target(
    request: CfRequest,
    domainName: string,
    originPath: string,
    configured: CompiledOrigin | undefined,
  ): UrlTarget {
    const custom = request.origin?.custom;
    const query = request.querystring === '' ? '' : `?${request.querystring}`;
    const readSeconds = custom?.readTimeout ?? configured?.readTimeoutSeconds ?? DEFAULT_READ_SECONDS;
    const keepAliveSeconds = custom?.keepaliveTimeout ?? configured?.keepaliveTimeoutSeconds ?? DEFAULT_KEEPALIVE_SECONDS;
    const limits = {
      connectTimeoutMs: ms(configured?.connectionTimeoutSeconds ?? DEFAULT_CONNECT_SECONDS),
      attempts: configured?.connectionAttempts ?? DEFAULT_ATTEMPTS,
      readTimeoutMs: ms(readSeconds),
      keepAliveMs: ms(keepAliveSeconds),
    };
    if (configured !== undefined && configured.location.kind === 'url') {
      const location = configured.location;
      const basePath = location.basePath.endsWith('/') ? location.basePath.slice(0, -1) : location.basePath;
      const base = `${location.protocol}://${hostPort(location.host, location.port)}`;
      return { base, path: basePath + originPath + request.uri + query, label: `${domainName} (${base})`, ...limits };
    }
    // D11: any other domain is connected to as given.
    const protocol = custom !== undefined ? custom.protocol : 'https';
    const port = custom !== undefined ? custom.port : 443;
    const base = `${protocol}://${hostPort(domainName, port)}`;
    return { base, path: originPath + request.uri + query, label: base, ...limits };
  }

  private pool(target: UrlTarget): Pool {
    const key = `${target.base}|${target.keepAliveMs}|${target.connectTimeoutMs}`;
    let pool = this.pools.get(key);
    if (pool === undefined) {
      pool = new Pool(target.base, {
        keepAliveTimeout: target.keepAliveMs,
        keepAliveMaxTimeout: target.keepAliveMs,
        connectTimeout: target.connectTimeoutMs,
        maxHeaderSize: UNDICI_MAX_HEADER_SIZE,
      });
      this.pools.set(key, pool);
    }
    return pool;
  }

  private directory(root: string): DirectoryOrigin {
    let directory = this.directories.get(root);
    if (directory === undefined) {
      directory = new DirectoryOrigin(root);
      this.directories.set(root, directory);
    }
    return directory;
  }
}
