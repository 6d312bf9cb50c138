import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_VIEWER } from './helpers/distribution.js';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { arn, startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';
import { rawRequest } from './helpers/raw-request.js';

const VIA = /^1\.1 [0-9a-f]{32}\.cloudfront\.net \(CloudFront\)$/;

describe('§6.2 what reaches a custom origin', () => {
  let main: TestOrigin;
  let other: TestOrigin;
  let edge: TestEdge;

  beforeAll(async () => {
    main = await startOrigin((req, res) => res.end(`main ${req.url}`));
    other = await startOrigin((req, res) => res.end(`other ${req.url}`));
    // origin-request moves some requests: to a loopback origin by DNS name (§1.8: no IP addresses), or to another
    // configured origin's domain.
    const oreq = `export const handler = async (event) => {
      const request = event.Records[0].cf.request;
      if (request.uri.startsWith('/switch-loopback/')) {
        request.origin = { custom: { domainName: 'localhost', port: ${other.port}, protocol: 'http', path: '/base',
          sslProtocols: ['TLSv1.2'], readTimeout: 30, keepaliveTimeout: 5, customHeaders: {} } };
      }
      if (request.uri.startsWith('/switch-configured/')) {
        request.origin = { custom: { ...request.origin.custom, domainName: 'other.example.com', path: '' } };
      }
      return request;
    };`;
    edge = await startEdge({
      origins: ['main', 'other'],
      aliases: ['www.example.com'],
      originMap: { main: main.url, other: other.url },
      originOptions: { main: { originPath: '/prefix', customHeaders: { 'X-Origin-Secret': 's3cr3t', 'X-Shared': 'from-config' } } },
      handlers: { oreq },
      defaultBehavior: { origin: 'main', lambdas: { 'origin-request': arn('oreq') } },
      behaviors: [{ path: '/all-viewer/*', origin: 'main', originRequestPolicyId: ALL_VIEWER }],
    });
  });

  afterAll(async () => {
    await edge?.close();
    await main?.close();
    await other?.close();
  });

  it('§6.2 OriginPath prefixes the path; OriginCustomHeaders are added', async () => {
    const response = await edge.get('/page?x=1');
    expect(await response.text()).toBe('main /prefix/page');
    const seen = main.requests.at(-1)!;
    expect(seen.headers['x-origin-secret']).toBe('s3cr3t');
  });

  it('§3.4 an origin custom header overwrites the viewer\'s same-named header', async () => {
    await rawRequest(`${edge.url}/all-viewer/shared`, { headers: { 'x-shared': 'from-viewer', 'x-other': 'kept' } });
    const seen = main.requests.find((r) => r.url === '/prefix/all-viewer/shared')!;
    expect(seen.headers['x-shared']).toBe('from-config');
    expect(seen.headers['x-other']).toBe('kept');
  });

  it('§6.2 Host, Via, X-Forwarded-For, User-Agent and X-Amz-Cf-Id', async () => {
    const response = await rawRequest(`${edge.url}/cloudfront-headers`, {
      headers: { host: 'www.example.com', 'user-agent': 'curl/8', 'x-forwarded-for': '192.0.2.4' },
    });
    const seen = main.requests.find((r) => r.url === '/prefix/cloudfront-headers')!;
    expect(seen.headers.host).toBe('main.example.com');
    expect(seen.headers.via).toMatch(VIA);
    // D40: one id per run, shared by viewer responses and origin requests.
    expect(seen.headers.via).toBe(response.headers.via);
    expect(seen.headers['x-forwarded-for']).toBe('192.0.2.4,127.0.0.1');
    expect(seen.headers['user-agent']).toBe('Amazon CloudFront');
    expect(seen.headers['x-amz-cf-id']).toBe(response.headers['x-amz-cf-id']);
  });

  it('§6.2 under AllViewer the viewer\'s User-Agent and Host reach the origin', async () => {
    await rawRequest(`${edge.url}/all-viewer/ua`, { headers: { host: 'www.example.com', 'user-agent': 'curl/8' } });
    const seen = main.requests.find((r) => r.url === '/prefix/all-viewer/ua')!;
    expect(seen.headers['user-agent']).toBe('curl/8');
    expect(seen.headers.host).toBe('www.example.com');
  });

  it('§1.8 an origin-request that points request.origin at another loopback origin is obeyed', async () => {
    const response = await edge.get('/switch-loopback/x');
    expect(await response.text()).toBe('other /base/switch-loopback/x');
    // §6.2: Host is unchanged when a function switches origin.
    expect(other.requests.at(-1)!.headers.host).toBe('main.example.com');
  });

  it('§1.8 D11 a domain equal to a configured origin\'s uses that origin\'s local mapping', async () => {
    const response = await edge.get('/switch-configured/y');
    expect(await response.text()).toBe('other /switch-configured/y');
  });
});

describe('D11 a directory origin served like S3', () => {
  let edge: TestEdge;
  let root: string;

  beforeAll(async () => {
    const base = mkdtempSync(join(tmpdir(), 'edge-dev-bucket-'));
    root = join(base, 'bucket');
    mkdirSync(join(root, 'docs'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<h1>home</h1>');
    writeFileSync(join(root, 'docs', 'guide.txt'), 'guide');
    writeFileSync(join(base, 'secret.txt'), 'do not serve');
    edge = await startEdge({ originMap: { origin: root }, originOptions: { origin: { s3: true } } });
  });

  afterAll(async () => {
    await edge?.close();
  });

  it('D11 files are served with a Content-Type and an ETag', async () => {
    const response = await edge.get('/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(await response.text()).toBe('<h1>home</h1>');
    expect(await (await edge.get('/docs/guide.txt')).text()).toBe('guide');
  });

  it('D11 a missing key → 404 NoSuchKey XML', async () => {
    const response = await edge.get('/docs/missing.txt');
    expect(response.status).toBe(404);
    expect(response.headers.get('x-cache')).toBe('Error from cloudfront');
    expect(response.headers.get('content-type')).toBe('application/xml');
    const body = await response.text();
    expect(body).toContain('<Code>NoSuchKey</Code>');
    expect(body).toContain('<Key>docs/missing.txt</Key>');
  });

  it('D11 traversal out of the directory is refused', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/docs/..%2f..%2fsecret.txt', '/docs/%2e%2e/%2e%2e/secret.txt']) {
      const response = await rawRequest(edge.url, { path });
      expect(response.status, path).toBe(403);
      expect(response.body, path).toContain('<Code>AccessDenied</Code>');
      expect(response.body, path).not.toContain('do not serve');
    }
  });
});

describe('§2.5 D20 origin groups', () => {
  let primary: TestOrigin;
  let secondary: TestOrigin;
  let edge: TestEdge;

  const handlers = {
    oreq: `export const handler = async (event) => {
      const request = event.Records[0].cf.request;
      console.log('origin-request to ' + request.origin.custom.domainName);
      return request;
    };`,
    // Marks what it saw, and turns the primary's 503 into a 200 that must be thrown away.
    ores: `export const handler = async (event) => {
      const { request, response } = event.Records[0].cf;
      console.log('origin-response saw ' + response.status + ' from ' + request.origin.custom.domainName);
      response.headers['x-ores'] = [{ key: 'X-Ores', value: response.status + ' ' + request.origin.custom.domainName }];
      if (response.status === '503') { response.status = '200'; response.statusDescription = 'OK'; }
      return response;
    };`,
    vres: `export const handler = async (event) => {
      const response = event.Records[0].cf.response;
      response.headers['x-vres'] = [{ key: 'X-Vres', value: 'ran' }];
      return response;
    };`,
  };

  beforeAll(async () => {
    primary = await startOrigin((req, res) => {
      const status = req.url.startsWith('/fail') ? 503 : req.url.startsWith('/not-listed') ? 404 : 200;
      res.writeHead(status, { 'cache-control': 'max-age=300' });
      res.end(`primary ${status}`);
    });
    secondary = await startOrigin((req, res) => {
      res.writeHead(200, { 'cache-control': 'max-age=300' });
      res.end(`secondary ${req.method}`);
    });
    const lambdas = { 'origin-request': arn('oreq'), 'origin-response': arn('ores'), 'viewer-response': arn('vres') };
    edge = await startEdge({
      origins: ['primary', 'secondary', 'dead'],
      originMap: { primary: primary.url, secondary: secondary.url, dead: 'http://127.0.0.1:9' },
      originOptions: { dead: { connectionAttempts: 1, connectionTimeout: 1 } },
      originGroups: [
        { id: 'group', primary: 'primary', secondary: 'secondary', statusCodes: [500, 503] },
        { id: 'dead-group', primary: 'dead', secondary: 'secondary', statusCodes: [503] },
      ],
      handlers,
      defaultBehavior: { origin: 'group', methods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'], lambdas },
      behaviors: [{ path: '/refused/*', origin: 'dead-group', lambdas }],
    });
  });

  afterAll(async () => {
    await edge?.close();
    await primary?.close();
    await secondary?.close();
  });

  const counts = () => ({ oreq: edge.invocations('oreq'), ores: edge.invocations('ores'), vres: edge.invocations('vres') });

  it('§2.5 a configured status from the primary fails over to the secondary', async () => {
    const response = await edge.get('/fail/a');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('secondary GET');
    expect(response.headers.get('x-cache')).toBe('Miss from cloudfront');
  });

  it('§2.5 D20 origin triggers run once per origin tried; viewer-response once; the primary\'s result is discarded', async () => {
    const before = counts();
    const response = await edge.get('/fail/b');
    expect(await response.text()).toBe('secondary GET');
    const after = counts();
    expect({ oreq: after.oreq - before.oreq, ores: after.ores - before.ores, vres: after.vres - before.vres }).toEqual({ oreq: 2, ores: 2, vres: 1 });
    expect(response.headers.get('x-ores')).toBe('200 secondary.example.com');
    expect(edge.logs.some((line) => line.includes('origin-response saw 503 from primary.example.com'))).toBe(true);
    expect(edge.logs.some((line) => line.includes('origin-request to secondary.example.com'))).toBe(true);
  });

  it('§2.5 a status not in the set is returned as is', async () => {
    const response = await edge.get('/not-listed');
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('primary 404');
  });

  it('§2.5 a refused connection fails over (origin-response runs only for the response received)', async () => {
    const before = counts();
    const response = await edge.get('/refused/x');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('secondary GET');
    const after = counts();
    expect({ oreq: after.oreq - before.oreq, ores: after.ores - before.ores }).toEqual({ oreq: 2, ores: 1 });
  });

  it('§2.5 no failover for POST', async () => {
    const response = await edge.get('/fail/post', { method: 'POST', body: 'x' });
    // The primary's 503, as origin-response rewrote it: no secondary was tried.
    expect(response.headers.get('x-ores')).toBe('503 primary.example.com');
    expect(secondary.requests.some((r) => r.method === 'POST')).toBe(false);
  });
});

describe('§6.1 what the viewer gets of the origin\'s response headers', () => {
  it('§6.1 Via is replaced; Vary keeps only Accept-Encoding, Cookie and forwarded headers; others pass through', async () => {
    const origin = await startOrigin((_req, res) => {
      res.writeHead(200, { 'cache-control': 'max-age=300', vary: 'Accept-Encoding, X-Foo, Cookie', via: '1.1 origin-proxy', server: 'nginx', 'x-custom': 'y' });
      res.end('body');
    });
    const edge = await startEdge({ originMap: { origin: origin.url } });
    try {
      for (const expected of ['Miss from cloudfront', 'Hit from cloudfront']) {
        const response = await edge.get('/headers');
        expect(response.headers.get('x-cache')).toBe(expected);
        expect(response.headers.get('via')).toMatch(VIA);
        expect(response.headers.get('vary')).toBe('Accept-Encoding, Cookie');
        expect(response.headers.get('server')).toBe('nginx');
        expect(response.headers.get('x-custom')).toBe('y');
        expect(response.headers.get('x-amz-cf-pop')).toBe('LOC50-C1');
      }
    } finally {
      await edge.close();
      await origin.close();
    }
  });
});

describe('§4 D18 an origin that does not answer in time', () => {
  it('§4 D18 read timeout → 504 Error; in an origin group the secondary answers instead', async () => {
    const slow = await startOrigin((_req, res) => setTimeout(() => res.end('too late'), 3000));
    const backup = await startOrigin((_req, res) => res.end('backup'));
    const edge = await startEdge({
      origins: ['slow', 'backup'],
      originMap: { slow: slow.url, backup: backup.url },
      originOptions: { slow: { readTimeout: 1, connectionAttempts: 1 } },
      originGroups: [{ id: 'group', primary: 'slow', secondary: 'backup', statusCodes: [504] }],
      defaultBehavior: { origin: 'slow' },
      behaviors: [{ path: '/grouped/*', origin: 'group' }],
    });
    try {
      const timedOut = await edge.get('/alone');
      expect(timedOut.status).toBe(504);
      expect(timedOut.headers.get('x-cache')).toBe('Error from cloudfront');
      expect(await timedOut.text()).toContain('CloudFront attempted to establish a connection with the origin');
      const failedOver = await edge.get('/grouped/x');
      expect(failedOver.status).toBe(200);
      expect(await failedOver.text()).toBe('backup');
    } finally {
      await edge.close();
      await slow.close();
      await backup.close();
    }
  });
});
