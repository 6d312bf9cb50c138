import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type {
  CompiledBehavior,
  CompiledDistribution,
  CompiledOrigin,
  OriginRequestPolicy,
} from '../config/types.js';
import type { CfRequest } from '../event/types.js';
import type { ViewerContext } from './build-origin-request.js';

// One set of test builders for requests, header maps and cache policies: the cache part's.
export { policy as cachePolicy, CACHING_OPTIMIZED, headers } from '../cache/test-fixtures.js';
import { CACHING_OPTIMIZED } from '../cache/test-fixtures.js';

export const ALL_VIEWER: OriginRequestPolicy = {
  id: '216adef6-5c7f-47e4-b989-5492eafa07d3',
  name: 'Managed-AllViewer',
  headers: { behavior: 'allViewer', names: [] },
  cookies: { behavior: 'all', names: [] },
  queryStrings: { behavior: 'all', names: [] },
};

export function behavior(over: Partial<CompiledBehavior> = {}): CompiledBehavior {
  return {
    pathPattern: '*',
    matches: () => true,
    targetOriginId: 'origin',
    viewerProtocolPolicy: 'allow-all',
    allowedMethods: new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE']),
    cachedMethods: new Set(['GET', 'HEAD']),
    compress: true,
    cachePolicy: CACHING_OPTIMIZED,
    lambda: {},
    ...over,
  };
}

export function origin(over: Partial<CompiledOrigin> = {}): CompiledOrigin {
  return {
    id: 'origin',
    domainName: 'origin.example.com',
    originPath: '',
    customHeaders: {},
    kind: 'custom',
    protocolPolicy: 'https-only',
    httpPort: 80,
    httpsPort: 443,
    readTimeoutSeconds: 30,
    keepaliveTimeoutSeconds: 5,
    connectionTimeoutSeconds: 10,
    connectionAttempts: 3,
    sslProtocols: ['TLSv1.2'],
    location: { kind: 'url', protocol: 'http', host: '127.0.0.1', port: 1, basePath: '' },
    ...over,
  };
}

export function distribution(origins: CompiledOrigin[], behaviors: CompiledBehavior[] = [behavior()]): CompiledDistribution {
  return {
    file: 'edge-dev.config.json',
    distributionId: 'EDFDVBD6EXAMPLE',
    domainName: 'd111111abcdef8.cloudfront.net',
    viewerHosts: { exact: new Set(['d111111abcdef8.cloudfront.net']), suffixes: [] },
    enabled: true,
    behaviors,
    origins: new Map(origins.map((o) => [o.id, o])),
    originGroups: new Map(),
    customErrorResponses: new Map(),
    functions: new Map(),
    raw: {},
    etag: 'E1',
    warnings: [],
  };
}


export function viewerRequest(uri: string, over: Partial<CfRequest> = {}): CfRequest {
  return { clientIp: '203.0.113.178', method: 'GET', uri, querystring: '', headers: {}, ...over };
}

export const VIEWER: ViewerContext = { requestId: 'req-1', httpVersion: '2.0', https: true, port: 46532 };

/** What a test origin saw. */
export interface SeenRequest {
  method: string;
  url: string;
  rawHeaders: string[];
  body: Buffer;
}

export interface TestServer {
  port: number;
  seen: SeenRequest[];
  /** TCP connections accepted so far. */
  readonly connections: number;
  close(): Promise<void>;
}

/** A real HTTP origin on 127.0.0.1 recording each request; `respond` answers it. */
export async function httpOrigin(
  respond: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void = (_req, res) => res.end('ok'),
): Promise<TestServer> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: req.method ?? '', url: req.url ?? '', rawHeaders: req.rawHeaders, body });
      respond(req, res, body);
    });
  });
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A raw TCP origin on 127.0.0.1 for broken HTTP: `onData` gets each connection's first bytes. */
export async function tcpOrigin(onRequest: (socket: Socket) => void): Promise<TestServer> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: NetServer = createNetServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.once('data', () => onRequest(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen: [],
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The lower-case name → values view of raw headers, for assertions. */
export function headerValues(rawHeaders: string[], lowerName: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.toLowerCase() === lowerName) values.push(rawHeaders[i + 1]!);
  }
  return values;
}
