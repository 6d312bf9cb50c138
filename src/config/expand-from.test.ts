import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandFrom } from './expand-from.js';

const dir = mkdtempSync(join(tmpdir(), 'edge-dev-from-'));
const configFile = join(dir, 'edge-dev.config.json');
writeFileSync(
  join(dir, 'template.yaml'),
  `Resources:
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Origins: [{ Id: o, DomainName: o.example.com, CustomOriginConfig: { OriginProtocolPolicy: https-only } }]
        DefaultCacheBehavior: { TargetOriginId: o, ViewerProtocolPolicy: allow-all, CachePolicyId: !Ref Policy }
  Policy:
    Type: AWS::CloudFront::CachePolicy
    Properties: { CachePolicyConfig: { Name: p, MinTTL: 0, DefaultTTL: 1, MaxTTL: 2 } }
`,
);

describe('interface.md "from" (issue 10)', () => {
  it('converts in place of distribution; keys beside it override entry by entry; the source file is watched', async () => {
    const expanded = await expandFrom({ from: 'template.yaml', cachePolicies: { Other: { Name: 'o' } }, origins: { o: './site' } }, configFile);
    expect(expanded.json).toMatchObject({
      distribution: { Origins: { Quantity: 1 } },
      cachePolicies: { Policy: { Name: 'p', MinTTL: 0 }, Other: { Name: 'o' } },
      origins: { o: './site' },
    });
    expect(expanded.json).not.toHaveProperty('from');
    expect(expanded.json).not.toHaveProperty('originRequestPolicies');
    expect(expanded.files).toEqual([join(dir, 'template.yaml')]);
  });

  it('"from" with "distribution", or an unknown key, is named', async () => {
    await expect(expandFrom({ from: 'template.yaml', distribution: {} }, configFile)).rejects.toThrow(/from: give either "from" or "distribution"/);
    const expanded = await expandFrom({ from: { path: 'template.yaml', parameter: {} } }, configFile);
    expect(expanded.warnings[0]).toMatch(/from\.parameter: unknown key "parameter" is ignored; did you mean "parameters"\?/);
  });

  it('a config without "from" is returned as it is, and nothing is imported', async () => {
    const json = { distribution: {} };
    expect(await expandFrom(json, configFile)).toEqual({ json, files: [], warnings: [] });
  });
});
