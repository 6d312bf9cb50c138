import { readFileSync } from 'node:fs';
import { connect } from 'node:http2';
import { Agent, request } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';
import { spawnServe } from './helpers/serve-process.js';
import { startScriptedOrigin } from './helpers/scripted-origin.js';
import type { ScriptedOrigin } from './helpers/scripted-origin.js';

const ALL_VIEWER_AND_CF = '33f36d7e-f396-46d9-90e0-52428a34d9dc';
let origin: ScriptedOrigin;
let edge: TestEdge;
let ca: string;

beforeAll(async () => {
  origin = await startScriptedOrigin();
  edge = await startEdge({
    https: true,
    viewerProtocol: 'http',
    aliases: ['www.example.test'],
    originMap: { origin: origin.url },
    defaultBehavior: { viewerProtocolPolicy: 'redirect-to-https', originRequestPolicyId: ALL_VIEWER_AND_CF, cachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' },
    behaviors: [{ path: '/only/*', viewerProtocolPolicy: 'https-only' }],
  });
  ca = readFileSync(edge.server.certFile!, 'utf8');
});

afterAll(async () => {
  await edge?.close();
  await origin?.close();
});

function httpsGet(path: string, host = 'localhost'): Promise<{ status: number; headers: Record<string, unknown>; alpn: string | false | null }> {
  const { port } = new URL(edge.server.httpsUrl!);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', servername: host, port, path, ca, headers: { host } }, (res) => {
      const alpn = (res.socket as import('node:tls').TLSSocket).alpnProtocol;
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, alpn }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('issue 11 --https-port', () => {
  it('issue 11 HTTP/1.1 over TLS with a certificate trusted for localhost and the Aliases; CloudFront-Forwarded-Proto and -Viewer-TLS tell the truth', async () => {
    const response = await httpsGet('/page', 'www.example.test');
    expect(response.status).toBe(200);
    const seen = origin.hits('/page').at(-1)!.headers;
    expect(seen['cloudfront-forwarded-proto']).toBe('https');
    expect(seen['cloudfront-viewer-tls']).toMatch(/^TLSv1\.[23]:TLS_[A-Z0-9_]+:(fullHandshake|sessionResumed)$/);
    expect(seen['cloudfront-viewer-http-version']).toBe('1.1');
  });

  it('issue 11 CloudFront-Viewer-TLS says connectionReused for a keep-alive connection\'s second request (dg:adding-cloudfront-headers)', async () => {
    const { port } = new URL(edge.server.httpsUrl!);
    const agent = new Agent({ keepAlive: true, maxSockets: 1, ca });
    const get = (path: string) =>
      new Promise<void>((resolve, reject) => {
        request({ host: '127.0.0.1', servername: 'localhost', port, path, agent, headers: { host: 'localhost' } }, (res) => {
          res.resume();
          res.on('end', resolve);
        }).on('error', reject).end();
      });
    await get('/reuse-1');
    await get('/reuse-2');
    agent.destroy();
    expect(origin.hits('/reuse-1').at(-1)!.headers['cloudfront-viewer-tls']).toMatch(/:(fullHandshake|sessionResumed)$/);
    expect(origin.hits('/reuse-2').at(-1)!.headers['cloudfront-viewer-tls']).toMatch(/^TLSv1\.[23]:TLS_[A-Z0-9_]+:connectionReused$/);
  });

  it('issue 11 HTTP/2 where HttpVersion allows it (node:http2 client)', async () => {
    const session = connect(edge.server.httpsUrl!, { ca, servername: 'localhost' });
    const { status, xCache } = await new Promise<{ status: number; xCache: unknown }>((resolve, reject) => {
      const stream = session.request({ ':path': '/h2', ':authority': 'localhost' });
      stream.on('response', (headers) => resolve({ status: Number(headers[':status']), xCache: headers['x-cache'] }));
      stream.on('error', reject);
      stream.resume();
    });
    session.close();
    expect(status).toBe(200);
    expect(xCache).toBe('Miss from cloudfront');
    expect(origin.hits('/h2').at(-1)!.headers['cloudfront-viewer-http-version']).toBe('2.0');
  });

  it('issue 11 redirect-to-https sends plain requests to the HTTPS port; https-only refuses them', async () => {
    const plain = await edge.get('/page?x=1');
    expect(plain.status).toBe(301);
    expect(plain.headers.get('location')).toBe(`${edge.server.httpsUrl}/page?x=1`);
    expect((await edge.get('/only/a')).status).toBe(403);
    expect((await httpsGet('/only/a')).status).toBe(200);
  });

  it('issue 11 serve prints the https line and keeps the certificate next to the config', async () => {
    const serve = spawnServe(['--config', join(edge.dir, 'edge-dev.config.json'), '--port', '0', '--control-port', '0', '--https-port', '0', '--no-watch']);
    await serve.ready;
    await new Promise((r) => setTimeout(r, 200));
    expect(serve.output().stdout).toMatch(/edge listening on https:\/\/127\.0\.0\.1:\d+ \(self-signed certificate: .*\.edge-dev\/edge-dev-[0-9a-f]+\.crt\)/);
    serve.child.kill('SIGTERM');
    expect((await serve.exited).code).toBe(0);
  });
});
