import { join, resolve } from 'node:path';
import { startServer } from './start-server.js';

/** interface.md › For programs and people: `startEdge` options. */
export interface StartEdgeOptions {
  /** The config file's path, or the configuration itself (relative paths from the working directory). Default: `edge-dev.config.json`. */
  config?: string | object;
  /** The edge's port; 0 (the default) picks a free one. */
  port?: number;
  /** The control API's port; default: a free one. */
  controlPort?: number;
  /** CloudFront's cache (default true). */
  cache?: boolean;
  /** No log lines on stderr. */
  quiet?: boolean;
}

export interface StartedEdge {
  url: string;
  controlUrl: string;
  close(): Promise<void>;
}

/**
 * The same edge as `edge-dev serve`, in this process, for integration tests: loopback only, no file watching.
 * `close()` drains in-flight requests and shuts the execution environments down.
 */
export async function startEdge(options: StartEdgeOptions = {}): Promise<StartedEdge> {
  const given = options.config;
  const quiet = options.quiet ?? false;
  const running = await startServer({
    configFile: typeof given === 'string' ? resolve(given) : join(process.cwd(), 'edge-dev.config.json'),
    config: typeof given === 'object' ? given : undefined,
    host: '127.0.0.1',
    port: options.port ?? 0,
    controlPort: options.controlPort ?? 0,
    controlHost: '127.0.0.1',
    cacheEnabled: options.cache ?? true,
    pop: 'LOC50-C1',
    watch: false,
    log: quiet ? () => {} : (line, underRequest) => process.stderr.write(`${underRequest ? '  ' : ''}${line}\n`),
    logRequests: !quiet,
  });
  return { url: running.edgeUrl, controlUrl: running.controlUrl, close: () => running.close() };
}
