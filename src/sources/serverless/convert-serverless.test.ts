import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSource } from '../index.js';

const SLS = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'sources', 'serverless');
const scratch = () => mkdtempSync(join(tmpdir(), 'edge-dev-sls-'));

function service(text: string): string {
  const dir = scratch();
  writeFileSync(join(dir, 'serverless.yml'), text);
  writeFileSync(join(dir, 'edge.mjs'), 'export const handler = async (e) => e.Records[0].cf.request;\n');
  return join(dir, 'serverless.yml');
}

describe('serverless.yml cloudFront events (issue 10)', () => {
  it('the distribution the Framework generates: origins from URLs and objects, the default behavior first, versioned ARNs, cache policies by name', async () => {
    const { config, warnings, format } = await importSource(join(SLS, 'events', 'serverless.yml'), { codeDir: scratch() });
    expect(format).toBe('serverless');
    expect(warnings).toEqual([]);
    const distribution = config.distribution as any;
    expect(distribution.Comment).toBe('media-site dev');
    expect(distribution.Origins.Items.map((o: any) => o.Id)).toEqual(['custom/site-dev.example.com/site', 'custom/api.example.com']);
    expect(distribution.Origins.Items[0]).toMatchObject({ DomainName: 'site-dev.example.com', OriginPath: '/site', CustomOriginConfig: { OriginProtocolPolicy: 'match-viewer' } });
    expect(distribution.DefaultCacheBehavior).toMatchObject({ TargetOriginId: 'custom/site-dev.example.com/site', CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6', ViewerProtocolPolicy: 'allow-all' });
    expect(distribution.DefaultCacheBehavior.LambdaFunctionAssociations.Items).toEqual([{ EventType: 'origin-response', LambdaFunctionARN: 'arn:aws:lambda:us-east-1:123456789012:function:media-site-dev-securityHeaders:1' }]);
    const [privateBehavior, api] = distribution.CacheBehaviors.Items;
    expect(privateBehavior).toMatchObject({ PathPattern: '/private/*', CachePolicyId: 'CloudFrontCachePolicyPrivate' });
    expect(api.LambdaFunctionAssociations.Items[0]).toEqual({ EventType: 'origin-request', LambdaFunctionARN: 'arn:aws:lambda:us-east-1:123456789012:function:media-site-dev-api-rewrite:1', IncludeBody: true });
    expect(api.AllowedMethods.CachedMethods).toEqual({ Quantity: 2, Items: ['GET', 'HEAD'] });
    expect((config.cachePolicies.CloudFrontCachePolicyPrivate as any).Name).toBe('media-site-dev-private');
    // Lambda@Edge functions get 128 MB and 5 s unless they set their own; the httpApi function is not converted.
    expect(config.functions).toEqual({
      'media-site-dev-securityHeaders': { handler: join(SLS, 'events', 'src', 'security-headers.mjs#handler'), runtime: 'nodejs20.x', memorySize: 128, timeout: 5 },
      'media-site-dev-auth': { handler: join(SLS, 'events', 'src', 'auth.mjs#handler'), runtime: 'nodejs20.x', memorySize: 128, timeout: 3 },
      'media-site-dev-api-rewrite': { handler: join(SLS, 'events', 'src', 'api', 'rewrite.mjs#handler'), runtime: 'nodejs20.x', memorySize: 128, timeout: 5 },
    });
  });

  it('--var stage=prod and env values reach names and origins', async () => {
    const { config } = await importSource(join(SLS, 'events', 'serverless.yml'), { codeDir: scratch(), variables: { stage: 'prod', MEDIA_SITE_API_HOST: 'api.internal' } });
    const distribution = config.distribution as any;
    expect(distribution.Origins.Items.map((o: any) => o.DomainName)).toEqual(['www.example.com', 'api.internal']);
    expect(Object.keys(config.functions)).toContain('media-site-prod-auth');
  });

  it('every event with a path pattern: a default behavior without functions on the default origin; s3:// origins', async () => {
    const file = service("service: s\nprovider: { name: aws, runtime: nodejs20.x }\nfunctions:\n  edge:\n    handler: edge.handler\n    events:\n      - cloudFront: { eventType: viewer-request, origin: 's3://bucket.s3.amazonaws.com/files', pathPattern: '/files/*' }\n");
    const { config } = await importSource(file, { codeDir: scratch() });
    const distribution = config.distribution as any;
    expect(distribution.Origins.Items[0]).toMatchObject({ Id: 's3/bucket.s3.amazonaws.com/files', S3OriginConfig: { OriginAccessIdentity: '' } });
    expect(distribution.DefaultCacheBehavior.LambdaFunctionAssociations).toBeUndefined();
    expect(distribution.DefaultCacheBehavior.TargetOriginId).toBe('s3/bucket.s3.amazonaws.com/files');
    expect(distribution.CacheBehaviors.Items[0].PathPattern).toBe('/files/*');
  });

  it('bad input names the file, the line and the fix', async () => {
    const file = service("service: s\nprovider: { name: aws }\nfunctions:\n  edge:\n    handler: edge.handler\n    events:\n      - cloudFront:\n          eventType: viewer-request\n          origin: https://example.com\n          cachePolicy: { name: missing }\n");
    await expect(importSource(file, { codeDir: scratch() })).rejects.toMatchObject({ kind: 'NoDistribution', message: expect.stringMatching(/serverless\.yml: line 10 .*provider\.cloudFront\.cachePolicies/) });
    const missing = service("service: s\nprovider: { name: aws, runtime: nodejs20.x }\nfunctions:\n  edge:\n    handler: nope.handler\n    events:\n      - cloudFront: { eventType: viewer-request, origin: 'https://a.example.com' }\n");
    const { warnings } = await importSource(missing, { codeDir: scratch() });
    expect(warnings).toEqual([expect.stringMatching(/serverless\.yml: line 5 \(functions\.edge\.handler\): EdgeLambdaFunction: Handler "nope\.handler" names no module .* add a "functions" entry keyed by "s-dev-edge"/)]);
    const none = service("service: s\nprovider: { name: aws }\nfunctions:\n  api:\n    handler: edge.handler\n");
    await expect(importSource(none, { codeDir: scratch() })).rejects.toMatchObject({ kind: 'NoDistribution', message: expect.stringContaining('holds no AWS::CloudFront::Distribution') });
  });
});

describe('@silvermine/serverless-plugin-cloudfront-lambda-edge (issue 10)', () => {
  it('lambdaAtEdge associates versions with the distribution in resources, by path pattern; the CloudFormation there is evaluated', async () => {
    const { config, warnings } = await importSource(join(SLS, 'plugin', 'serverless.yml'), { codeDir: scratch() });
    expect(warnings).toEqual([]);
    const distribution = config.distribution as any;
    expect(distribution.Comment).toBe('Docs for dev in ${AWS::Region}');
    expect(distribution.Origins.Items[0]).toMatchObject({ Id: 'content', DomainName: 'docs-site-dev-content.s3.us-east-1.amazonaws.com', OriginAccessControlId: 'ContentOriginAccessControl' });
    expect(distribution.DefaultCacheBehavior.LambdaFunctionAssociations.Items).toEqual([{ EventType: 'origin-request', LambdaFunctionARN: 'arn:aws:lambda:us-east-1:123456789012:function:docs-site-dev-directoryIndex:1' }]);
    expect(distribution.CacheBehaviors.Items[0].LambdaFunctionAssociations.Items[0].LambdaFunctionARN).toBe('arn:aws:lambda:us-east-1:123456789012:function:docs-site-dev-previewGate:1');
    expect(config.functions['docs-site-dev-previewGate']).toEqual({ handler: join(SLS, 'plugin', 'handlers', 'preview-gate.js#handler'), runtime: 'nodejs20.x', memorySize: 128, timeout: 5 });
  });

  it('a lambdaAtEdge distribution or path pattern that is not there names the line and what exists', async () => {
    const file = service("service: s\nprovider: { name: aws }\nfunctions:\n  edge:\n    handler: edge.handler\n    lambdaAtEdge: { distribution: Cdn, eventType: viewer-request }\nresources:\n  Resources:\n    Site:\n      Type: AWS::CloudFront::Distribution\n      Properties: { DistributionConfig: { DefaultCacheBehavior: {} } }\n");
    await expect(importSource(file, { codeDir: scratch() })).rejects.toMatchObject({ message: expect.stringMatching(/line 6 .*"Cdn" is not an AWS::CloudFront::Distribution in resources\.Resources \(it has Site\)/) });
  });
});

