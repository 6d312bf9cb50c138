import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEdgeFromConfig, type ConfigEdge } from './helpers/edge-from-config.js';
import { runCli } from './helpers/import-cli.js';
import { startOrigin, type TestOrigin } from './helpers/origin-server.js';
import { spawnServe } from './helpers/serve-process.js';

// Issue 10: a serverless.yml whose functions use the Framework's cloudFront event, served end to end with the
// handlers found beside it. Both origins are loopback servers, mapped by the origin Ids the Framework generates.
const SLS = join(import.meta.dirname, '..', 'fixtures', 'sources', 'serverless');
const edges: ConfigEdge[] = [];
const servers: TestOrigin[] = [];
afterAll(async () => {
  await Promise.all(edges.map((edge) => edge.close()));
  await Promise.all(servers.map((server) => server.close()));
});

describe('"from" a serverless.yml with cloudFront events (in-process serve)', () => {
  it('origin-response headers on the default behavior, the viewer-request guard on /private/*, the includeBody rewrite on /api/*', async () => {
    const site = await startOrigin((req, res) => res.end(`site got ${req.url}`));
    const api = await startOrigin((req, res) => res.end(`api got ${req.method} ${req.url} body ${String(req.headers['x-body-length'])}`));
    servers.push(site, api);
    const edge = await startEdgeFromConfig(
      { from: { path: join(SLS, 'events', 'serverless.yml') }, origins: { 'custom/site-dev.example.com/site': site.url, 'custom/api.example.com': api.url } },
      mkdtempSync(join(tmpdir(), 'edge-dev-import-sls-')),
    );
    edges.push(edge);
    const home = await edge.get('/index.html');
    expect(home.status, edge.logs.join('\n')).toBe(200);
    expect(await home.text()).toBe('site got /site/index.html');
    expect(home.headers.get('x-content-type-options')).toBe('nosniff');
    const denied = await edge.get('/private/report.html');
    expect(denied.status).toBe(302);
    expect(denied.headers.get('location')).toBe('/login');
    const allowed = await edge.get('/private/report.html', { headers: { cookie: 'session=ok' } });
    expect(await allowed.text()).toBe('site got /site/private/report.html');
    const posted = await edge.get('/api/items', { method: 'POST', body: 'hello' });
    expect(await posted.text()).toBe('api got POST /v1/items body 5');
  });
});

describe('"from" a serverless.yml with @silvermine\'s lambdaAtEdge (in-process serve)', () => {
  it('the origin-request function serves directory indexes from the bucket; the viewer-request gate guards /preview/*; from.variables set the stage', async () => {
    const edge = await startEdgeFromConfig(
      { from: { path: join(SLS, 'plugin', 'serverless.yml'), variables: { stage: 'prod' } }, origins: { content: join(SLS, 'plugin', 'content') } },
      mkdtempSync(join(tmpdir(), 'edge-dev-import-sls-')),
    );
    edges.push(edge);
    const guide = await edge.get('/guide/');
    expect(guide.status, edge.logs.join('\n')).toBe(200);
    expect(await guide.text()).toContain('guide');
    expect((await edge.get('/preview/page.txt')).status).toBe(403);
    const preview = await edge.get('/preview/page.txt', { headers: { 'x-preview-token': 'draft' } });
    expect(await preview.text()).toContain('draft page');
  });
});


describe('serverless-lambda-edge-pre-existing-cloudfront with the exported distribution config (real processes)', () => {
  it('serve --config with "from": the security headers replace the old origin-response function on the default behavior; the includeBody rewrite reads the cart at origin-request on /api/*; /static/* has no function', async () => {
    const web = await startOrigin((req, res) => res.end(`web got ${req.url}`));
    const api = await startOrigin((req, res) => res.end(`api got ${req.method} ${req.url} items ${String(req.headers['x-cart-items'])}`));
    servers.push(web, api);
    const config = join(mkdtempSync(join(tmpdir(), 'edge-dev-import-sls-pre-')), 'edge-dev.config.json');
    writeFileSync(config, JSON.stringify({ from: { path: join(SLS, 'pre-existing', 'serverless.yml') }, origins: { 'storefront-web': web.url, 'storefront-api': api.url } }));
    const run = spawnServe(['--config', config, '--port', '0', '--control-port', '0', '--no-watch']);
    try {
      const { edge } = await run.ready;
      const home = await fetch(`${edge}/index.html`);
      expect(await home.text(), run.output().stderr).toBe('web got /index.html');
      expect(home.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
      expect(home.headers.get('x-content-type-options')).toBe('nosniff');
      const posted = await fetch(`${edge}/api/cart`, { method: 'POST', body: JSON.stringify({ items: ['tea', 'cup'] }) });
      expect(await posted.text()).toBe('api got POST /v2/cart items 2');
      expect(posted.headers.get('strict-transport-security')).toBeNull();
      const asset = await fetch(`${edge}/static/app.js`);
      expect(await asset.text()).toBe('web got /static/app.js');
      expect(asset.headers.get('x-content-type-options')).toBeNull();
    } finally {
      run.child.kill('SIGTERM');
    }
    expect((await run.exited).code).toBe(0);
  });

  it('import without the exported config exits 1 naming the file, the distribution and the command that writes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edge-dev-import-sls-pre-'));
    cpSync(join(SLS, 'pre-existing'), dir, { recursive: true });
    rmSync(join(dir, 'distribution-config.E1ABCDEF2GHIJK.json'));
    const imported = await runCli(['import', join(dir, 'serverless.yml')]);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain(join(dir, 'distribution-config.E1ABCDEF2GHIJK.json'));
    expect(imported.stderr).toContain('aws cloudfront get-distribution-config --id E1ABCDEF2GHIJK > distribution-config.E1ABCDEF2GHIJK.json');
  });
});
