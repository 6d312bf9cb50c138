import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSource } from '../index.js';

const TF = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'sources', 'terraform');
const codeDir = () => mkdtempSync(join(tmpdir(), 'edge-dev-tf-'));

describe('terraform show -json (issue 10)', () => {
  it('the distribution in the API shape, the local module\'s function found through archive_file, the CloudFront Function and the cache policy', async () => {
    const result = await importSource(join(TF, 'show.json'), { codeDir: codeDir() });
    expect(result.format).toBe('terraform-json');
    expect(result.warnings).toEqual([]);
    const distribution = result.config.distribution as any;
    expect(distribution).not.toHaveProperty('RetainOnDelete');
    expect(distribution).not.toHaveProperty('WaitForDeployment');
    expect(distribution.IsIPV6Enabled).toBe(true);
    expect(distribution.Origins.Items[0]).toMatchObject({ Id: 'app-dev', DomainName: 'app.example.com', CustomOriginConfig: { OriginSslProtocols: { Quantity: 1, Items: ['TLSv1.2'] } } });
    const behavior = distribution.DefaultCacheBehavior;
    expect(behavior).not.toHaveProperty('MinTTL');
    expect(behavior.AllowedMethods).toEqual({ Quantity: 2, Items: ['GET', 'HEAD'], CachedMethods: { Quantity: 2, Items: ['GET', 'HEAD'] } });
    expect(distribution.Restrictions).toEqual({ GeoRestriction: { RestrictionType: 'none' } });
    expect(result.config.functions['headers-dev']).toEqual({ handler: join(TF, 'modules', 'edge', 'src', 'index.mjs#handler'), runtime: 'nodejs20.x', memorySize: 128, timeout: 5 });
    expect(result.config.functions['rewrite-dev']).toMatchObject({ runtime: 'cloudfront-js-2.0' });
    expect(result.config.cachePolicies['8f3c1e2a-6b4d-4c5e-9a7f-1d2e3f4a5b6c']).toMatchObject({
      Name: 'app-dev',
      ParametersInCacheKeyAndForwardedToOrigin: { QueryStringsConfig: { QueryStringBehavior: 'whitelist', QueryStrings: { Quantity: 1, Items: ['page'] } } },
    });
  });
});
