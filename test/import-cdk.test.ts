import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEdgeFromConfig, type ConfigEdge } from './helpers/edge-from-config.js';
import { startOrigin, type TestOrigin } from './helpers/origin-server.js';

// Issue 10: a synthesized CDK app with a cross-region EdgeFunction, served end to end from its cloud assembly.
const CDK_OUT = join(import.meta.dirname, '..', 'fixtures', 'sources', 'cdk', 'cdk.out');
let edge: ConfigEdge | undefined;
let origin: TestOrigin | undefined;
afterAll(async () => {
  await edge?.close();
  await origin?.close();
});

describe('"from" a CDK cloud assembly (in-process serve)', () => {
  it('the EdgeFunction from the us-east-1 stack runs at origin-request; the CloudFront Function redirects', async () => {
    origin = await startOrigin((req, res) => res.end(`origin saw x-from-edge: ${String(req.headers['x-from-edge'])}`));
    edge = await startEdgeFromConfig({ from: { path: CDK_OUT }, origins: { SiteStackSiteDistributionOrigin1A9C3D9B6: origin.url } }, mkdtempSync(join(tmpdir(), 'edge-dev-import-cdk-')));
    const response = await edge.get('/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('origin saw x-from-edge: cdk');
    const redirect = await edge.get('/old');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/new');
  });
});
