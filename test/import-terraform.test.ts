import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEdgeFromConfig, type ConfigEdge } from './helpers/edge-from-config.js';
import { startOrigin, type TestOrigin } from './helpers/origin-server.js';

// Issue 10: `terraform show -json` of a configuration with a local module, served end to end.
const TF = join(import.meta.dirname, '..', 'fixtures', 'sources', 'terraform');
let edge: ConfigEdge | undefined;
let origin: TestOrigin | undefined;
afterAll(async () => {
  await edge?.close();
  await origin?.close();
});

describe('"from" terraform show -json (in-process serve)', () => {
  it('the CloudFront Function rewrites /, the module\'s Lambda@Edge function marks the response', async () => {
    origin = await startOrigin((req, res) => res.end(`origin got ${req.url}`));
    edge = await startEdgeFromConfig({ from: { path: join(TF, 'show.json') }, origins: { 'app-dev': origin.url } }, mkdtempSync(join(tmpdir(), 'edge-dev-import-tf-')));
    const response = await edge.get('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('origin got /home');
    expect(response.headers.get('x-served-by')).toBe('terraform-edge');
  });
});
