import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSource } from '../index.js';

const FIXTURE = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'sources', 'serverless', 'pre-existing');
const scratch = () => mkdtempSync(join(tmpdir(), 'edge-dev-sls-pre-'));
const OLD_HEADERS = 'arn:aws:lambda:us-east-1:123456789012:function:cdn-auth:7';

/** A small exported DistributionConfig: the default behavior has a viewer-request and an origin-response function. */
function exportedConfig(): Record<string, unknown> {
  const behavior = (extra: Record<string, unknown>) => ({ TargetOriginId: 'web', ViewerProtocolPolicy: 'allow-all', CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6', ...extra });
  return {
    Origins: { Quantity: 1, Items: [{ Id: 'web', DomainName: 'www.example.com', CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'https-only' } }] },
    DefaultCacheBehavior: behavior({
      LambdaFunctionAssociations: { Quantity: 2, Items: [{ LambdaFunctionARN: OLD_HEADERS, EventType: 'viewer-request' }, { LambdaFunctionARN: 'arn:aws:lambda:us-east-1:123456789012:function:old:2', EventType: 'origin-response' }] },
    }),
    CacheBehaviors: { Quantity: 1, Items: [behavior({ PathPattern: '/img/*' })] },
    Enabled: true,
  };
}

/** serverless.yml with `functions` as given, edge.mjs beside it, and the exported configs named by their Ids. */
function service(functions: string, exported: Record<string, unknown> = {}, extra = ''): string {
  const dir = scratch();
  writeFileSync(join(dir, 'serverless.yml'), `service: shop\nprovider: { name: aws, runtime: nodejs20.x }\n${extra}functions:\n${functions}`);
  writeFileSync(join(dir, 'edge.mjs'), 'export const handler = async (e) => e.Records[0].cf.request;\n');
  for (const [id, config] of Object.entries(exported)) writeFileSync(join(dir, `distribution-config.${id}.json`), JSON.stringify(config));
  return join(dir, 'serverless.yml');
}

const event = (id: string, eventType: string, pathPattern: string, more = '') =>
  `  edge:\n    handler: edge.handler\n    events:\n      - preExistingCloudFront: { distributionId: ${id}, eventType: ${eventType}, pathPattern: '${pathPattern}', includeBody: false${more} }\n`;

describe('serverless-lambda-edge-pre-existing-cloudfront (issue 10)', () => {
  it('the fixture: the exported distribution as it is, each function on its behavior by pathPattern (* = default), replacing the association of the same EventType, includeBody, the handlers found', async () => {
    const { config, warnings, files, format } = await importSource(join(FIXTURE, 'serverless.yml'), { codeDir: scratch() });
    expect(format).toBe('serverless');
    expect(warnings).toEqual([]);
    expect(files).toEqual([join(FIXTURE, 'serverless.yml'), join(FIXTURE, 'distribution-config.E1ABCDEF2GHIJK.json')]);
    const exported = JSON.parse(readFileSync(files[1]!, 'utf8')).DistributionConfig;
    exported.DefaultCacheBehavior.LambdaFunctionAssociations = { Quantity: 1, Items: [{ LambdaFunctionARN: 'arn:aws:lambda:us-east-1:123456789012:function:storefront-dev-securityHeaders:1', EventType: 'origin-response', IncludeBody: false }] };
    exported.CacheBehaviors.Items[0].LambdaFunctionAssociations = { Quantity: 1, Items: [{ LambdaFunctionARN: 'arn:aws:lambda:us-east-1:123456789012:function:storefront-dev-rewrite:1', EventType: 'origin-request', IncludeBody: true }] };
    expect(config.distribution).toEqual(exported);
    expect(config.functions).toEqual({
      'storefront-dev-rewrite': { handler: join(FIXTURE, 'handlers', 'rewrite.mjs#handler'), runtime: 'nodejs20.x', memorySize: 128, timeout: 5 },
      'storefront-dev-securityHeaders': { handler: join(FIXTURE, 'handlers', 'security-headers.mjs#handler'), runtime: 'nodejs20.x', memorySize: 128, timeout: 5 },
    });
  });

  it('a bare DistributionConfig is read too; an association of another EventType stays, with a warning naming the functions key it needs', async () => {
    const file = service(event('E2SHOP', 'origin-response', '*'), { E2SHOP: exportedConfig() });
    const { config, warnings } = await importSource(file, { codeDir: scratch() });
    expect((config.distribution as any).DefaultCacheBehavior.LambdaFunctionAssociations).toEqual({
      Quantity: 2,
      Items: [{ LambdaFunctionARN: OLD_HEADERS, EventType: 'viewer-request' }, { LambdaFunctionARN: 'arn:aws:lambda:us-east-1:123456789012:function:shop-dev-edge:1', EventType: 'origin-response', IncludeBody: false }],
    });
    expect(warnings).toEqual([expect.stringMatching(/line 7 .*E2SHOP: .*cdn-auth:7 is not a function of this template: add a "functions" entry keyed by "cdn-auth"/)]);
  });

  it('several distributions: an error naming them, and --distribution chooses (only its exported config is read)', async () => {
    const functions = `${event('E2SHOP', 'origin-request', '/img/*')}  other:\n    handler: edge.handler\n    events:\n      - preExistingCloudFront: { distributionId: E3BLOG, eventType: viewer-request, pathPattern: '*', includeBody: false }\n`;
    const file = service(functions, { E2SHOP: { ETag: 'X', DistributionConfig: exportedConfig() } });
    await expect(importSource(file, { codeDir: scratch() })).rejects.toMatchObject({ kind: 'NoDistribution', message: expect.stringContaining('name 2 distributions (E2SHOP, E3BLOG): choose one with --distribution ID') });
    const { config } = await importSource(file, { codeDir: scratch(), distribution: 'E2SHOP' });
    expect((config.distribution as any).CacheBehaviors.Items[0].LambdaFunctionAssociations.Items[0].LambdaFunctionARN).toMatch(/function:shop-dev-edge:1$/);
    await expect(importSource(file, { codeDir: scratch(), distribution: 'E9NONE' })).rejects.toMatchObject({ message: expect.stringContaining('--distribution E9NONE: no preExistingCloudFront event names it; they name E2SHOP, E3BLOG') });
  });

  it('a missing exported config names the file expected, the distribution and the command that writes it', async () => {
    const file = service(event('E3BLOG', 'viewer-request', '*'));
    const expected = join(file, '..', 'distribution-config.E3BLOG.json');
    await expect(importSource(file, { codeDir: scratch() })).rejects.toMatchObject({
      kind: 'NoDistribution',
      message: `${file}: line 7 (functions.edge.events[0].preExistingCloudFront): distribution E3BLOG is not defined in this service, so edge-dev reads its exported config from ${expected}, which does not exist: run \`aws cloudfront get-distribution-config --id E3BLOG > distribution-config.E3BLOG.json\` beside serverless.yml.`,
    });
  });

  it('a pathPattern with no behavior names the pattern and the ones there are; a file that is no DistributionConfig names its JSON path', async () => {
    const file = service(event('E2SHOP', 'origin-request', '/api/*'), { E2SHOP: exportedConfig() });
    await expect(importSource(file, { codeDir: scratch() })).rejects.toMatchObject({
      message: expect.stringMatching(/line 7 \(functions\.edge\.events\[0\]\.preExistingCloudFront\.pathPattern\): edge: distribution E2SHOP \(distribution-config\.E2SHOP\.json\) has no cache behavior with PathPattern "\/api\/\*"; it has \/img\/\*, '\*' \(the default behavior\)/),
    });
    const wrong = service(event('E2SHOP', 'origin-request', '*'), { E2SHOP: { ETag: 'X', DistributionConfig: { Origins: {} } } });
    await expect(importSource(wrong, { codeDir: scratch() })).rejects.toMatchObject({
      kind: 'UnreadableSource',
      message: expect.stringMatching(/distribution-config\.E2SHOP\.json: DistributionConfig\.DefaultCacheBehavior: is not the config of distribution E2SHOP/),
    });
  });

  it('the plugin\'s stages: an event for another stage, or a stage outside validStages, is left out with a warning; --stack gives the stage', async () => {
    const functions = `${event('E2SHOP', 'origin-request', '/img/*', ', stage: prod')}  other:\n    handler: edge.handler\n    events:\n      - preExistingCloudFront: { distributionId: E2SHOP, eventType: viewer-request, pathPattern: '*', includeBody: false }\n`;
    const file = service(functions, { E2SHOP: exportedConfig() }, 'custom:\n  lambdaEdgePreExistingCloudFront: { validStages: [dev, prod] }\n');
    const dev = await importSource(file, { codeDir: scratch() });
    expect(dev.warnings[0]).toMatch(/line 9 .*edge: this event is for stage prod, not dev, so it is not associated: give --stack prod/);
    expect((dev.config.distribution as any).CacheBehaviors.Items[0].LambdaFunctionAssociations).toBeUndefined();
    const prod = await importSource(file, { codeDir: scratch(), stack: 'prod' });
    expect((prod.config.distribution as any).CacheBehaviors.Items[0].LambdaFunctionAssociations.Items[0].LambdaFunctionARN).toMatch(/function:shop-prod-edge:1$/);
    await expect(importSource(file, { codeDir: scratch(), stack: 'test' })).rejects.toMatchObject({ message: expect.stringContaining('holds no AWS::CloudFront::Distribution') });
  });

  it('a distributionId from Fn::ImportValue or a deploy-time variable is not known here: the error names the line and the fix', async () => {
    const file = service("  edge:\n    handler: edge.handler\n    events:\n      - preExistingCloudFront:\n          distributionId: { 'Fn::ImportValue': shop-distribution-id }\n          eventType: viewer-request\n          pathPattern: '*'\n          includeBody: false\n");
    await expect(importSource(file, { codeDir: scratch() })).rejects.toMatchObject({ message: expect.stringMatching(/line 8 \(functions\.edge\.events\[0\]\.preExistingCloudFront\.distributionId\): .*write the distribution's Id, or \$\{opt:distributionId\} and give --var distributionId=ID/) });
    const variable = service(event("'${cf:infra-dev.DistributionId}'", 'viewer-request', '*'));
    await expect(importSource(variable, { codeDir: scratch() })).rejects.toMatchObject({ message: expect.stringMatching(/line 7 .*needs distributionId, the Id of the distribution; \$\{cf:infra-dev\.DistributionId\} is resolved at deploy: write the Id, or give the variable a default/) });
  });
});
