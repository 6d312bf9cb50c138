import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServe } from './helpers/serve-process.js';
import type { ServeProcess } from './helpers/serve-process.js';

// `npm start`'s demo (fixtures/demo), started the way package.json starts it but on free ports; the paths are the
// ones the README and the demo's triggers document.
const ROOT = join(import.meta.dirname, '..');
let serve: ServeProcess;
let edge: string;

beforeAll(async () => {
  serve = spawnServe(['--config', 'fixtures/demo/edge-dev.config.json', '--port', '0', '--control-port', '0'], { cwd: ROOT });
  ({ edge } = await serve.ready);
});

afterAll(async () => {
  if (serve?.child.exitCode === null) serve.child.kill('SIGKILL');
});

const get = (path: string, init?: RequestInit) => fetch(`${edge}${path}`, { redirect: 'manual', ...init });

describe('the npm start demo', () => {
  it('/ serves index.html (DefaultRootObject) with security headers, then from cache', async () => {
    const miss = await get('/');
    expect(miss.status).toBe(200);
    expect(await miss.text()).toContain('<h1>edge-dev demo</h1>');
    expect(miss.headers.get('x-cache')).toBe('Miss from cloudfront');
    expect(miss.headers.get('strict-transport-security')).toContain('max-age=63072000');
    const hit = await get('/');
    expect(hit.headers.get('x-cache')).toBe('Hit from cloudfront');
    expect(hit.headers.get('age')).toMatch(/^\d+$/);
  });

  it('issue 11 the default behavior answers CORS requests with the managed SimpleCORS policy', async () => {
    expect((await get('/', { headers: { origin: 'https://app.example.test' } })).headers.get('access-control-allow-origin')).toBe('*');
    expect((await get('/')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('/admin/ asks for Basic auth; the right credentials get through', async () => {
    const denied = await get('/admin/');
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toContain('Basic realm=');
    expect(denied.headers.get('x-cache')).toBe('LambdaGeneratedResponse from cloudfront');
    const allowed = await get('/admin/index.html', { headers: { authorization: `Basic ${Buffer.from('admin:edge-dev').toString('base64')}` } });
    expect(allowed.status).toBe(200);
  });

  it('/nope.html: the origin 404 becomes the friendly page (origin-response)', async () => {
    const response = await get('/nope.html');
    expect(response.status).toBe(404);
    expect(response.headers.get('x-cache')).toBe('Error from cloudfront');
    expect(await response.text()).toContain('<h1>Page not found</h1>');
  });

  it('/hello is generated at the edge', async () => {
    const response = await get('/hello');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-cache')).toBe('LambdaGeneratedResponse from cloudfront');
    expect(await response.text()).toContain('Hello from the edge');
  });

  it('/old/contact.html redirects to /about.html', async () => {
    const response = await get('/old/contact.html');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/about.html');
  });

  it('/experiment.html serves the variant of the cookie', async () => {
    const response = await get('/experiment.html', { headers: { cookie: 'X-Experiment-Name=A' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('variant A');
  });

  it('/preview/ with the beta cookie comes from the beta bucket', async () => {
    const beta = await get('/preview/index.html', { headers: { cookie: 'edge-dev-preview=beta' } });
    expect(await beta.text()).toContain('Preview: beta site');
    const current = await get('/preview/index.html');
    expect(await current.text()).toContain('Preview: current site');
  });

  it('/api/ cannot reach its origin: 502 with the custom error page', async () => {
    const response = await get('/api/status');
    expect(response.status).toBe(502);
    expect(response.headers.get('x-cache')).toBe('Error from cloudfront');
    expect(await response.text()).toContain('The API is unavailable');
  });

  it('SIGTERM stops it cleanly (exit 0)', async () => {
    serve.child.kill('SIGTERM');
    expect((await serve.exited).code).toBe(0);
  });
});

describe('--no-cache on the command line', () => {
  it('every request goes to the origin: always a Miss', async () => {
    const uncached = spawnServe(['--config', 'fixtures/demo/edge-dev.config.json', '--port', '0', '--control-port', '0', '--no-cache'], { cwd: ROOT });
    try {
      const { edge: url } = await uncached.ready;
      for (let i = 0; i < 2; i++) {
        const response = await fetch(`${url}/about.html`);
        expect(response.status).toBe(200);
        expect(response.headers.get('x-cache')).toBe('Miss from cloudfront');
        expect(response.headers.get('age')).toBeNull();
      }
    } finally {
      uncached.child.kill('SIGTERM');
      await uncached.exited;
    }
  });
});
