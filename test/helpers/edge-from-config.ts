import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/server/index.js';
import type { RunningServer } from '../../src/server/index.js';

export interface ConfigEdge {
  url: string;
  dir: string;
  logs: string[];
  server: RunningServer;
  get(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** Writes handler sources (name → source) into a fresh temp dir; returns the dir. */
export function writeHandlers(handlers: Record<string, string>, dir = mkdtempSync(join(tmpdir(), 'edge-dev-resilience-'))): string {
  for (const [name, source] of Object.entries(handlers)) writeFileSync(join(dir, name), source);
  return dir;
}

/** Writes `config` as `edge-dev.config.json` beside the handler sources in a fresh temp dir; returns its path. */
export function writeConfigFile(config: unknown, handlers: Record<string, string> = {}): string {
  const file = join(writeHandlers(handlers), 'edge-dev.config.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

/**
 * A real in-process `serve` over a whole config object (for distributions the `startEdge` shorthand cannot
 * express, e.g. small origin timeouts). `config` is written as given into `dir`.
 */
export async function startEdgeFromConfig(config: Record<string, unknown>, dir = writeHandlers({})): Promise<ConfigEdge> {
  const configFile = join(dir, 'edge-dev.config.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const logs: string[] = [];
  const server = await startServer({
    configFile,
    host: '127.0.0.1',
    port: 0,
    controlHost: '127.0.0.1',
    cacheEnabled: true,
    viewerProtocol: 'https',
    pop: 'LOC50-C1',
    watch: false,
    log: (line) => logs.push(line),
  });
  return {
    url: server.edgeUrl,
    dir,
    logs,
    server,
    get: (path, init) => fetch(`${server.edgeUrl}${path}`, { redirect: 'manual', ...init }),
    close: () => server.close(1000),
  };
}
