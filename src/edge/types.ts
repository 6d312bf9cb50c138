import type { Readable } from 'node:stream';
import type { InspectedRequest, InspectorSink } from './inspection.js';
import type { CfHeaders, CfRequest } from '../event/index.js';
import type { CompiledBehavior, CompiledDistribution, CompiledOrigin, ViewerHosts } from '../config/index.js';
import type { LambdaRuntime } from '../runtime/index.js';
import type { EdgeCache } from '../cache/index.js';
import type { OriginClient } from '../origin/index.js';

/** The viewer's request as the listener received it. */
export interface ViewerRequest {
  method: string;
  /** Path and query as sent (`/a/b?x=1`). */
  url: string;
  /** `1.0`, `1.1` or `2.0`. */
  httpVersion: string;
  /** node's rawHeaders: wire case, order and repeats kept (§1.6). */
  rawHeaders: readonly string[];
  /** A GET or HEAD body, read whole (§7.2 refuses a GET with one). */
  body: Buffer;
  /** Any other method's body, streamed to the origin as it arrives (issue 9). */
  bodyStream?: Readable;
  clientIp: string;
  clientPort: number;
  /** D43: whether this request counts as HTTPS. */
  https: boolean;
  /** Issue 11: on the TLS listener, `CloudFront-Viewer-TLS`'s value (`TLSv1.3:TLS_AES_128_GCM_SHA256:fullHandshake`). */
  tls?: string;
}

/** What the listener writes back: the finished response with its headers in wire form ([name, value, ...]). */
export interface EdgeResponse {
  status: number;
  statusDescription: string;
  rawHeaders: string[];
  body: Buffer;
  /** A body that streams from the origin (issue 9); `body` is then empty. */
  stream?: Readable;
  /** 413 and similar: close the connection after the response (§4). */
  closeConnection?: boolean;
  /** Called once the body is sent, or failed part-way (origin or viewer), with the bytes sent: the log waits for it. */
  sent?: (bytes: number, error?: Error) => void;
}

/** One line of the per-request log: the route through the pipeline and the time in each stage. */
export interface RequestTrace {
  stages: string[];
  xCache: string;
}

export interface EdgeOptions {
  cacheEnabled: boolean;
  /** `X-Amz-Cf-Pop` value. */
  pop: string;
  /** D43: how plain-HTTP listener requests count. */
  viewerProtocol: 'https' | 'http';
  /** `CloudFront-Viewer-*` defaults (§6.3). */
  geo?: Readonly<Record<string, string>>;
  /**
   * Developer-facing lines: validation errors, warnings, the request log. `underRequest`: the line belongs to the
   * request line logged just before it (issue 12: a function's logs, the request's warnings and errors).
   */
  log: (line: string, underRequest?: boolean) => void;
  /** Whether each request gets its one-line route log (formatting it costs on the hot path). */
  logRequests: boolean;
  /** Issue 11: the `--https-port` listener's port, where `redirect-to-https` sends plain requests. */
  httpsPort?: number;
  /** `--allowed-host` names, beside the distribution's own (interface.md › Viewer hosts). */
  allowedHosts?: ViewerHosts;
  /** Issue 12: the request inspector's ring; requests are recorded only when it is set. */
  inspector?: InspectorSink;
  /** Issue 11: where each request's standard log line goes (`Logging` or `--access-log`), written off the request path. */
  accessLog?: AccessLogSink;
}

/** Issue 11: the standard access log: a line per request, appended by the server's writer. */
export interface AccessLogSink {
  write(line: string): void;
  /** `Logging.IncludeCookies`: whether cs(Cookie) holds the viewer's Cookie header. */
  includeCookies: boolean;
}

/** The parts the pipeline drives; built once per distribution. */
export interface EdgeDeps {
  distribution: CompiledDistribution;
  runtime: LambdaRuntime;
  cache: EdgeCache;
  origins: OriginClient;
  options: EdgeOptions;
}

/** Everything one viewer request carries through the pipeline (style.md: one state, module-level steps). */
export interface RequestState {
  deps: EdgeDeps;
  viewer: ViewerRequest;
  requestId: string;
  /** Read once per request (style.md hot path). */
  now: number;
  /** `performance.now()` when the request arrived, for the time to first byte. */
  startedAt: number;
  behavior: CompiledBehavior;
  /** The request after viewer-request (the in-flight representation is the event's own shape). */
  request: CfRequest;
  /** The body the origin gets (viewer body or a handler's replacement, §1.7)... */
  body: Buffer;
  /** ...or, when the viewer's body streams (issue 9), this stream. */
  bodyStream?: Readable;
  trace: RequestTrace;
  /** Warnings (D3/D4/D5/D7) collected for the log. */
  warnings: string[];
  /** Issue 12: what the request inspector will show; only while the inspector is on. */
  inspect?: InspectedRequest;
  /**
   * Issue 12: this request's log lines (its functions' logs, its errors and warnings), printed under its request
   * line; undefined once printed, and for work no request line reports (a background refresh): then they print at once.
   */
  logLines?: string[];
  /** Where a viewer-request CloudFront Function's origin helpers sent the request (unset: the behavior's target). */
  originRoute?: OriginRoute;
}

/** The origin a request goes to, and with an origin group the secondary and its failover codes (§2.5). */
export interface OriginRoute {
  primary: CompiledOrigin;
  secondary?: CompiledOrigin;
  failoverStatusCodes?: ReadonlySet<number>;
}

export type { CfHeaders };
