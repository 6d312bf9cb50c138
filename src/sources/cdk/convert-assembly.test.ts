import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSource } from '../index.js';

const CDK = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'sources', 'cdk');
const codeDir = () => mkdtempSync(join(tmpdir(), 'edge-dev-cdk-'));

describe('CDK cloud assembly (issue 10)', () => {
  it('the cross-region EdgeFunction: its ARN from the us-east-1 stack\'s SSM parameter, its code from the asset', async () => {
    const result = await importSource(CDK, { codeDir: codeDir() });
    expect(result.format).toBe('cdk');
    expect(result.warnings).toEqual([]);
    const behavior = (result.config.distribution as any).DefaultCacheBehavior;
    expect(behavior.LambdaFunctionAssociations.Items[0]).toEqual({
      EventType: 'origin-request',
      IncludeBody: false,
      LambdaFunctionARN: 'arn:aws:lambda:us-east-1:123456789012:function:EdgeFnFunction3A0F1C2B:1',
    });
    expect(result.config.functions.EdgeFnFunction3A0F1C2B).toEqual({
      handler: join(CDK, 'cdk.out', 'asset.7d2e6c0b1f4a', 'index.mjs#handler'),
      runtime: 'nodejs20.x',
      memorySize: 128,
      timeout: 10,
    });
    expect(result.config.functions['eu-west-1SiteStackRedirectFunction9D3F5E1A']).toMatchObject({ runtime: 'cloudfront-js-2.0' });
    expect(result.files.map((file) => file.split('/').pop())).toEqual(['manifest.json', 'edge-lambda-stack-c8b2e4f1a9.template.json', 'SiteStack.template.json']);
  });

  it('--stack and --distribution by construct path choose; an unknown stack lists the others', async () => {
    const chosen = await importSource(CDK, { codeDir: codeDir(), stack: 'SiteStack', distribution: 'SiteStack/SiteDistribution' });
    expect((chosen.config.distribution as any).Origins.Items[0].Id).toBe('SiteStackSiteDistributionOrigin1A9C3D9B6');
    await expect(importSource(CDK, { codeDir: codeDir(), stack: 'Nope' })).rejects.toThrow(/--stack Nope: the assembly has no such stack; it has edge-lambda-stack-c8b2e4f1a9, SiteStack/);
    await expect(importSource(join(CDK, 'cdk.out'), { codeDir: codeDir(), stack: 'edge-lambda-stack-c8b2e4f1a9' })).rejects.toThrow(/holds no AWS::CloudFront::Distribution/);
  });
});
