import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { compileConfig, compileViewerHosts, loadConfig, unemulatedOptions } from '../config/index.js';
import type { LoadedConfig } from '../config/index.js';
import { LambdaRuntime, logGroupName } from '../runtime/index.js';
import { EdgeCache } from '../cache/index.js';
import { OriginClient } from '../origin/index.js';
import type { EdgeDeps, EdgeOptions } from '../edge/index.js';
import { createEdgeListener } from './edge-listener.js';
import { startReloading } from './reload.js';
import { InspectorRing } from './inspector-ring.js';
import { selfSignedCertificate } from './self-signed-certificate.js';
import { accessLogFor } from './access-log-writer.js';
import type { EdgeHolder } from './types.js';
import { DEFAULT_VIEWER_TIMEOUTS } from './viewer-timeouts.js';
import type { ViewerTimeouts } from './viewer-timeouts.js';

export interface ServeOptions {
  /** The config file; with `config`, only where relative paths start from (and what messages name). */
  configFile: string;
  /** The configuration itself, instead of reading `configFile` (startEdge). */
  config?: unknown;
  /** `configFile` as the caller loaded it already (`serve` does, to start environments early); reloads read it again. */
  preloaded?: LoadedConfig;
  host: string;
  port: number;
  /** Default: the edge port + 1 (or a free port when the edge port is 0). */
  controlPort?: number;
  controlHost: string;
  cacheEnabled: boolean;
  /** D43; default from the config's `settings.viewerProtocol`. */
  viewerProtocol?: 'https' | 'http';
  pop: string;
  cacheMaxBytes?: number;
  /** Watch the config and handler files and reload on change. */
  watch: boolean;
  /** See EdgeOptions.log. */
  log: (line: string, underRequest?: boolean) => void;
  /** One route line per request (default true). */
  logRequests?: boolean;
  /** `--allowed-host`: more `Host` names the edge answers (interface.md › Viewer hosts). */
  allowedHosts?: readonly string[];
  /** Issue 12: record requests for the inspector at the control API's `/` (default true). */
  inspector?: boolean;
  /** How long the edge waits on viewers; defaults in viewer-timeouts.ts (shorter in tests). */
  viewerTimeouts?: Partial<ViewerTimeouts>;
  /** Issue 11: `--https-port` (0 picks a free port), with `--cert`/`--key` PEM files or a kept self-signed certificate. */
  https?: { port: number; certFile?: string; keyFile?: string };
  /** Issue 11: `--access-log FILE`: standard log lines go there (else to `.edge-dev/access-logs/` with `Logging.Enabled`). */
  accessLog?: string;
}

export interface RunningServer {
  edgeUrl: string;
  /** Issue 11: the TLS listener, with `https`. */
  httpsUrl?: string;
  /** The self-signed certificate file, when one was generated. */
  certFile?: string;
  controlUrl: string;
  holder: EdgeHolder;
  /** Stop accepting, drain in-flight requests (bounded), shut the execution environments down. */
  close(drainMs?: number): Promise<void>;
}

/** `edge-dev serve`: the edge listener and the control API over one loaded distribution. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const loaded = options.preloaded ?? (await loadServeConfig(options));
  for (const warning of loaded.distribution.warnings) options.log(`[config warning] ${warning}`);
  // Issue 11: accepted, not emulated: said once, at start-up.
  for (const line of unemulatedOptions(loaded.distribution.raw as Record<string, unknown>)) options.log(`[not emulated] ${line}`);
  // Issue 12: an invocation's lines are printed by whoever invoked it, under its request line; the rest as they come.
  const runtime = new LambdaRuntime({
    onLog: (fn, line, inInvocation) => {
      if (!inInvocation) options.log(`${logGroupName(fn)} ${line}`);
    },
  });
  const settings = loaded.distribution.settings;
  const edgeOptions: EdgeOptions = {
    cacheEnabled: options.cacheEnabled,
    pop: options.pop,
    // Issue 11: with a TLS listener the plain one is plain HTTP (D43 keeps "https" for users without one).
    viewerProtocol: options.viewerProtocol ?? settings?.viewerProtocol ?? (options.https ? 'http' : 'https'),
    geo: settings?.geo,
    log: options.log,
    logRequests: options.logRequests ?? true,
    allowedHosts: compileViewerHosts(options.allowedHosts ?? []),
  };
  const inspector = options.inspector === false ? undefined : new InspectorRing();
  if (inspector) edgeOptions.inspector = inspector;
  const { distribution } = loaded;
  const accessLog = accessLogFor(distribution.raw as Record<string, unknown>, distribution.distributionId, options.configFile, options.accessLog, options.log);
  if (accessLog) {
    edgeOptions.accessLog = accessLog;
    options.log(`[access log] standard log lines go to ${accessLog.start()}`);
  }
  const cache = new EdgeCache({ maxBytes: options.cacheMaxBytes ?? settings?.cacheMaxBytes });
  const holder: EdgeHolder = { deps: makeDeps(loaded, runtime, cache, edgeOptions) };

  const timeouts = { ...DEFAULT_VIEWER_TIMEOUTS, ...options.viewerTimeouts };
  const edge = createEdgeListener(holder, () => holder.deps.options.viewerProtocol === 'https', timeouts);
  await listen(edge, options.port, options.host);
  const edgePort = (edge.address() as AddressInfo).port;
  const tls = options.https ? await listenTls(holder, loaded, options, options.https, timeouts) : undefined;
  if (tls) edgeOptions.httpsPort = tls.port;
  const controlPort = options.controlPort ?? (options.port === 0 ? 0 : edgePort + 1);
  // The edge answers while the control API's modules load.
  const { listenControlApi } = await import('./control-listener.js');
  const control = await listenControlApi(holder, controlPort, options.controlHost, inspector);

  const reloading = options.watch ? await startReloading(loaded, holder, options, runtime) : undefined;
  let closing: Promise<void> | undefined;
  return {
    edgeUrl: `http://${hostForUrl(options.host)}:${edgePort}`,
    ...(tls ? { httpsUrl: `https://${hostForUrl(options.host)}:${tls.port}`, certFile: tls.certFile } : {}),
    controlUrl: `http://${hostForUrl(options.controlHost)}:${(control.address() as AddressInfo).port}`,
    holder,
    close(drainMs = 5000) {
      closing ??= (async () => {
        await reloading?.close();
        await Promise.all([closeServer(edge, drainMs), closeServer(control, drainMs), tls?.close()]);
        await runtime.shutdown();
        await accessLog?.close();
        // The drain is over: whatever still waits on an origin is cut, so stopping stays bounded.
        await holder.deps.origins.destroy();
      })();
      return closing;
    },
  };
}

/** The config `startServer` serves: given as an object (startEdge), or read from its file. */
export function loadServeConfig(options: Pick<ServeOptions, 'config' | 'configFile'>): Promise<LoadedConfig> {
  return options.config !== undefined ? Promise.resolve(compileConfig(options.config, options.configFile)) : loadConfig(options.configFile);
}

export function makeDeps(loaded: LoadedConfig, runtime: LambdaRuntime, cache: EdgeCache, options: EdgeOptions): EdgeDeps {
  const distribution = loaded.distribution;
  return { distribution, runtime, cache, origins: new OriginClient(distribution), options };
}

/** Issue 11: the TLS listener beside the plain one, HTTP/2 where the distribution's HttpVersion allows. */
async function listenTls(
  holder: EdgeHolder,
  loaded: LoadedConfig,
  options: ServeOptions,
  https: NonNullable<ServeOptions['https']>,
  timeouts: ViewerTimeouts,
): Promise<{ port: number; certFile?: string; close(): Promise<void> }> {
  const { distribution } = loaded;
  const names = [...distribution.viewerHosts.exact, ...distribution.viewerHosts.suffixes.map((suffix) => `*${suffix}`)];
  const credentials =
    https.certFile && https.keyFile
      ? { cert: readFileSync(https.certFile, 'utf8'), key: readFileSync(https.keyFile, 'utf8') }
      : await selfSignedCertificate(names, join(dirname(resolve(options.configFile)), '.edge-dev'));
  // node:http2 and the TLS listener load only for --https-port (~15 ms of every other start-up).
  const { allowsHttp2, createTlsEdgeListener } = await import('./tls-listener.js');
  const server = createTlsEdgeListener(holder, credentials, allowsHttp2(distribution.raw), timeouts);
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(https.port, options.host, () => done());
  });
  const sockets = new Set<import('node:net').Socket>();
  server.on('secureConnection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return {
    port: (server.address() as AddressInfo).port,
    ...(credentials.certFile ? { certFile: credentials.certFile } : {}),
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server, drainMs: number): Promise<void> {
  return new Promise((resolve) => {
    // Keep-alive connections go idle as their last response ends: close them then, not at the end of the drain.
    const sweep = setInterval(() => server.closeIdleConnections(), 20);
    const timer = setTimeout(() => {
      clearInterval(sweep);
      server.closeAllConnections();
      resolve();
    }, drainMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
