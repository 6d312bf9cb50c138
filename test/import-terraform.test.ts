import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEdgeFromConfig, type ConfigEdge } from './helpers/edge-from-config.js';
import { runCli } from './helpers/import-cli.js';
import { startOrigin, type TestOrigin } from './helpers/origin-server.js';
import { spawnServe } from './helpers/serve-process.js';

// Issue 10: a Terraform configuration with a local module, read as `terraform show -json` output and as .tf files, served end to end.
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

describe('a Terraform .tf directory (real processes)', () => {
  it('serve --from DIR --var: the dynamic /assets/* behavior and the default one reach a local origin; the CloudFront Function and the module\'s Lambda@Edge function run', async () => {
    const seen: string[] = [];
    const local = await startOrigin((req, res) => {
      seen.push(req.url ?? '');
      res.end(`origin got ${req.url}`);
    });
    try {
      const port = new URL(local.url).port;
      const run = spawnServe(['--from', TF, '--var', 'app_domain=127.0.0.1', '--var', `origin_http_port=${port}`, '--var', 'origin_protocol_policy=http-only', '--port', '0', '--control-port', '0', '--no-watch']);
      const { edge } = await run.ready;
      const home = await fetch(`${edge}/`);
      expect(await home.text(), run.output().stderr).toBe('origin got /home');
      expect(home.headers.get('x-served-by')).toBe('terraform-edge');
      const asset = await fetch(`${edge}/assets/app.js`);
      expect(await asset.text()).toBe('origin got /assets/app.js');
      expect(asset.headers.get('x-served-by')).toBeNull();
      expect(seen).toEqual(['/home', '/assets/app.js']);
      run.child.kill('SIGTERM');
      expect((await run.exited).code).toBe(0);
    } finally {
      await local.close();
    }
  });

  it('import DIR writes the configuration; check --from DIR reads the same associations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edge-dev-import-tf-dir-'));
    const out = join(dir, 'edge-dev.config.json');
    const imported = await runCli(['import', TF, '--var', 'environment=prod', '--out', out]);
    expect(imported.code, imported.stderr).toBe(0);
    const config = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(config.functions).sort()).toEqual(['headers-prod', 'rewrite-prod']);
    const checked = await runCli(['check', '--from', TF, '--json']);
    expect(checked.code, checked.stderr).not.toBe(2);
    const report = JSON.parse(checked.stdout);
    expect(report.findings.map((f: { message: string }) => f.message).join('\n')).not.toMatch(/no distribution/i);
    const missing = await runCli(['check', '--from', join(dir, 'nowhere')]);
    expect(missing.code).toBe(2);
    // The same function at viewer-response with a 10 s timeout: over Lambda@Edge's viewer limit (§4 (D28): a warning), found in the .tf files.
    const copy = join(dir, 'tf');
    cpSync(TF, copy, { recursive: true });
    writeFileSync(join(copy, 'main.tf'), readFileSync(join(copy, 'main.tf'), 'utf8').replace('"origin-response"', '"viewer-response"'));
    writeFileSync(join(copy, 'modules', 'edge', 'main.tf'), readFileSync(join(copy, 'modules', 'edge', 'main.tf'), 'utf8').replace('timeout          = 5', 'timeout          = 10'));
    const viewer = await runCli(['check', '--from', copy, '--json']);
    expect(viewer.code, viewer.stderr).toBe(0);
    expect(JSON.parse(viewer.stdout).findings).toContainEqual(expect.objectContaining({ code: 'FUNCTION_TIMEOUT_VIEWER', severity: 'warning' }));
  });
});
