import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { CACHING_DISABLED, makeDistribution } from './helpers/distribution.js';
import { functionArn } from './helpers/edge.js';
import { writeConfigFile } from './helpers/edge-from-config.js';
import { spawnServe } from './helpers/serve-process.js';
import type { ServeProcess } from './helpers/serve-process.js';

// dg:helper-functions-origin-modification (reference §9, §2.5): a viewer-request CloudFront Function sends the request
// to another origin, through a real `edge-dev serve` process and two real origins on 127.0.0.1.
const router = `import cf from 'cloudfront';
function handler(event) {
  const uri = event.request.uri;
  if (uri.startsWith('/select/')) cf.selectRequestOriginById('green');
  if (uri.startsWith('/update/')) cf.updateRequestOrigin({ domainName: 'green.example.com', originPath: '/moved', hostHeader: 'www.example.com', customHeaders: { 'x-routed-by': 'router' } });
  if (uri.startsWith('/group/')) cf.createRequestOriginGroup({ originIds: [{ originId: 'blue' }, { originId: 'green' }], failoverCriteria: { statusCodes: [503] } });
  if (uri === '/unknown') cf.selectRequestOriginById('red');
  if (uri === '/bad-argument') cf.updateRequestOrigin({ domainName: '10.0.0.1' });
  return event.request;
}`;

let blue: TestOrigin;
let green: TestOrigin;
let serve: ServeProcess;
let edge: string;

beforeAll(async () => {
  blue = await startOrigin((req, res) => {
    // The primary of the function's origin group fails with a failover code.
    res.writeHead(req.url.startsWith('/group/') ? 503 : 200, { 'content-type': 'text/plain' });
    res.end(`blue ${req.url}`);
  });
  green = await startOrigin((req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`green ${req.url} host=${String(req.headers.host)} x-routed-by=${String(req.headers['x-routed-by'] ?? '-')}`);
  });
  const distribution = makeDistribution({
    origins: ['blue', 'green'],
    defaultBehavior: { origin: 'blue', cachePolicyId: CACHING_DISABLED, cloudFrontFunctions: { 'viewer-request': functionArn('router') } },
  });
  const file = writeConfigFile(
    { distribution, origins: { blue: blue.url, green: green.url }, functions: { router: { code: './router.js', runtime: 'cloudfront-js-2.0' } } },
    { 'router.js': router },
  );
  serve = spawnServe(['--config', file, '--port', '0', '--control-port', '0']);
  ({ edge } = await serve.ready);
});

afterAll(async () => {
  serve?.child.kill('SIGTERM');
  await serve?.exited;
  await blue?.close();
  await green?.close();
});

describe('CloudFront Functions origin helpers in a serve process', () => {
  it('§9 without a helper call the request goes to the behavior\'s origin', async () => {
    expect(await (await fetch(`${edge}/plain`)).text()).toBe('blue /plain');
  });

  it('§9 selectRequestOriginById sends the request to that origin', async () => {
    const response = await fetch(`${edge}/select/a`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('green /select/a host=green.example.com x-routed-by=-');
    expect(blue.requests.some((r) => r.url === '/select/a')).toBe(false);
  });

  it('§9 updateRequestOrigin changes domain, path, Host and custom headers', async () => {
    expect(await (await fetch(`${edge}/update/b`)).text()).toBe('green /moved/update/b host=www.example.com x-routed-by=router');
  });

  it('§9 createRequestOriginGroup fails over to the second origin on a listed status (§2.5)', async () => {
    const response = await fetch(`${edge}/group/c`);
    expect(await response.text()).toBe('green /group/c host=green.example.com x-routed-by=-');
    expect(blue.requests.filter((r) => r.url === '/group/c')).toHaveLength(1);
  });

  it('§9 an origin Id the distribution lacks is a 502 FunctionValidationError; a refused argument a 503 FunctionExecutionError', async () => {
    const unknown = await fetch(`${edge}/unknown`);
    expect(unknown.status).toBe(502);
    expect(unknown.headers.get('x-cache')).toBe('FunctionValidationError from cloudfront');
    const bad = await fetch(`${edge}/bad-argument`);
    expect(bad.status).toBe(503);
    expect(bad.headers.get('x-cache')).toBe('FunctionExecutionError from cloudfront');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(serve.output().stderr).toMatch(/"red" is not an origin Id of this distribution; use one of blue, green/);
  });
});
