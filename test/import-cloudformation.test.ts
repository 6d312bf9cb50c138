import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEdgeFromConfig, type ConfigEdge } from './helpers/edge-from-config.js';
import { runCli } from './helpers/import-cli.js';
import { spawnServe } from './helpers/serve-process.js';

// Issue 10: CloudFormation and SAM templates converted, then served end to end with their handler code found.
const SOURCES = join(import.meta.dirname, '..', 'fixtures', 'sources');
const SAM = join(SOURCES, 'sam', 'template.yaml');
const scratch = () => mkdtempSync(join(tmpdir(), 'edge-dev-import-'));
const edges: ConfigEdge[] = [];
afterAll(async () => Promise.all(edges.map((edge) => edge.close())));

async function edgeFrom(config: Record<string, unknown>, dir = scratch()): Promise<ConfigEdge> {
  const edge = await startEdgeFromConfig(config, dir);
  edges.push(edge);
  return edge;
}

describe('edge-dev import (a real process)', () => {
  it('writes a configuration with paths relative to --out that serve then loads', async () => {
    const dir = scratch();
    const out = join(dir, 'edge-dev.config.json');
    const run = await runCli(['import', SAM, '--parameter', 'Stage=prod', '--out', out]);
    expect(run).toMatchObject({ code: 0 });
    const config = JSON.parse(readFileSync(out, 'utf8'));
    expect(config.functions.AuthFunction.handler).toMatch(/^\.\.?\/.*fixtures\/sources\/sam\/src\/auth\.mjs#handler$/);
    expect(config.functions['clean-urls-prod'].code).toBe('./.edge-dev/inline/cloudfront-functions/clean-urls-prod.js');
    expect(config.distribution.CacheBehaviors.Items[0].LambdaFunctionARN).toBeUndefined();
    config.origins = { site: join(SOURCES, 'sam', 'site') };
    const edge = await edgeFrom(config, dir);
    expect((await edge.get('/private/report.txt')).status).toBe(401);
  });

  it('exit 1 names the parameter that is missing; exit 2 for unreadable input; stdout otherwise', async () => {
    const dir = scratch();
    const template = join(dir, 'edge.yaml');
    writeFileSync(template, 'Parameters:\n  EdgeArn: { Type: String }\nResources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Comment: !Ref EdgeArn\n');
    const missing = await runCli(['import', template]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--parameter EdgeArn=VALUE');
    expect((await runCli(['import', join(dir, 'nothing.yaml')])).code).toBe(2);
    const given = await runCli(['import', template, '--parameter', 'EdgeArn=hello'], dir);
    expect(given.code).toBe(0);
    expect(JSON.parse(given.stdout)).toEqual({ distribution: { Comment: 'hello' } });
  });
});

describe('the config file\'s "from" (in-process serve)', () => {
  it('SAM: the CloudFront Function rewrites clean URLs, the Lambda@Edge function guards /private/*', async () => {
    const edge = await edgeFrom({ from: { path: SAM }, origins: { site: join(SOURCES, 'sam', 'site') } });
    const about = await edge.get('/about/');
    expect(about.status).toBe(200);
    expect(await about.text()).toContain('about');
    const denied = await edge.get('/private/report.txt');
    expect(denied.status).toBe(401);
    expect(await denied.text()).toBe('sign in first');
    const allowed = await edge.get('/private/report.txt', { headers: { authorization: 'Bearer letmein' } });
    expect(await allowed.text()).toContain('secret report');
  });

  it('CloudFormation: the inline ZipFile origin-response function adds its headers; parameters come from "from"', async () => {
    const edge = await edgeFrom({
      from: { path: join(SOURCES, 'cloudformation', 'site.yaml'), parameters: { Environment: 'staging' } },
      origins: { website: join(SOURCES, 'cloudformation', 'website') },
    });
    const response = await edge.get('/index.html');
    expect(response.status, edge.logs.join('\n')).toBe(200);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-security-headers')).toBe('on');
  });
});

describe('edge-dev serve --from (a real process)', () => {
  it('serves the template without a config file', async () => {
    const run = spawnServe(['--from', SAM, '--port', '0', '--control-port', '0', '--no-watch']);
    const { edge } = await run.ready;
    const response = await fetch(`${edge}/private/x`);
    expect(response.status).toBe(401);
    run.child.kill('SIGTERM');
    expect((await run.exited).code).toBe(0);
  });
});
