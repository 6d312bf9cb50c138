import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/server/index.js';
import type { RunningServer, ServeOptions } from '../../src/server/index.js';
import { arn, makeDistribution } from './distribution.js';
import type { DistributionInput } from './distribution.js';

export interface TestEdge {
  url: string;
  controlUrl: string;
  dir: string;
  configFile: string;
  logs: string[];
  server: RunningServer;
  /** How many times the function's environment logged START (i.e. how often it was invoked). */
  invocations(name: string): number;
  get(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export interface TestEdgeInput extends DistributionInput {
  /** Handler module source by function name; associate them with `arn(name)`. */
  handlers?: Record<string, string>;
  /** Origin Id → base URL or directory. */
  originMap: Record<string, string>;
  cacheEnabled?: boolean;
  viewerProtocol?: 'https' | 'http';
  functionOptions?: Record<string, Record<string, unknown>>;
  /** Custom policies by Id, in the API's CachePolicyConfig / OriginRequestPolicyConfig shape. */
  cachePolicies?: Record<string, unknown>;
  originRequestPolicies?: Record<string, unknown>;
  /** Watch the config and handler files (hot reload). */
  watch?: boolean;
  /** The config file's `settings`. */
  settings?: Record<string, unknown>;
  /** `--allowed-host` names. */
  allowedHosts?: string[];
  /** CloudFront Functions by name: code, and optionally runtime and key value store data (reference §9). */
  cloudFrontFunctions?: Record<string, { code: string; runtime?: string; keyValueStore?: Record<string, string> }>;
  /** Issue 11: also start the TLS listener (`--https-port 0`). */
  https?: boolean;
  /** More top-level config keys (responseHeadersPolicies, publicKeys, keyGroups). */
  extraConfig?: Record<string, unknown>;
  /** Shorter viewer timeouts than serve's defaults. */
  viewerTimeouts?: ServeOptions['viewerTimeouts'];
  /** Issue 11: `--access-log FILE`. */
  accessLog?: string;
}

/** The config file `startEdge` writes (exported so tests can write an edited one). */
export function configJson(input: TestEdgeInput, functions: Record<string, unknown>): string {
  const config: Record<string, unknown> = { distribution: makeDistribution(input), functions, origins: input.originMap };
  if (input.cachePolicies) config.cachePolicies = input.cachePolicies;
  if (input.originRequestPolicies) config.originRequestPolicies = input.originRequestPolicies;
  if (input.settings) config.settings = input.settings;
  Object.assign(config, input.extraConfig);
  return JSON.stringify(config, null, 2);
}

/** A real in-process `serve` (both listeners on free loopback ports) over a config written to a temp dir. */
export async function startEdge(input: TestEdgeInput): Promise<TestEdge> {
  const dir = mkdtempSync(join(tmpdir(), 'edge-dev-test-'));
  const functions: Record<string, unknown> = {};
  for (const [name, source] of Object.entries(input.handlers ?? {})) {
    writeFileSync(join(dir, `${name}.mjs`), source);
    functions[name] = input.functionOptions?.[name] ? { handler: `./${name}.mjs`, ...input.functionOptions[name] } : `./${name}.mjs`;
  }
  for (const [name, { code, runtime, keyValueStore }] of Object.entries(input.cloudFrontFunctions ?? {})) {
    writeFileSync(join(dir, `${name}.js`), code);
    const entry: Record<string, unknown> = { code: `./${name}.js` };
    if (runtime) entry.runtime = runtime;
    if (keyValueStore) {
      writeFileSync(join(dir, `${name}.kvs.json`), JSON.stringify({ data: Object.entries(keyValueStore).map(([key, value]) => ({ key, value })) }));
      entry.keyValueStore = `./${name}.kvs.json`;
    }
    functions[name] = entry;
  }
  const configFile = join(dir, 'edge-dev.config.json');
  writeFileSync(configFile, configJson(input, functions));
  const logs: string[] = [];
  const server = await startServer({
    configFile,
    host: '127.0.0.1',
    port: 0,
    controlHost: '127.0.0.1',
    cacheEnabled: input.cacheEnabled ?? true,
    viewerProtocol: input.viewerProtocol ?? 'https',
    pop: 'LOC50-C1',
    watch: input.watch ?? false,
    log: (line) => logs.push(line),
    allowedHosts: input.allowedHosts,
    viewerTimeouts: input.viewerTimeouts,
    ...(input.accessLog ? { accessLog: input.accessLog } : {}),
    ...(input.https ? { https: { port: 0 } } : {}),
  });
  return {
    url: server.edgeUrl,
    controlUrl: server.controlUrl,
    dir,
    configFile,
    logs,
    server,
    invocations: (name) => logs.filter((line) => line.startsWith(`/aws/lambda/us-east-1.${name} START`)).length,
    get: (path, init) => fetch(`${server.edgeUrl}${path}`, { redirect: 'manual', ...init }),
    close: () => server.close(1000),
  };
}

/** The FunctionARN of a CloudFront Function in test distributions. */
export const functionArn = (name: string): string => `arn:aws:cloudfront::123456789012:function/${name}`;

export { arn };
