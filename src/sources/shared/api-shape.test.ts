import { describe, expect, it } from 'vitest';
import { toApiShape } from './api-shape.js';

describe('toApiShape (issue 10)', () => {
  it('an exported DistributionConfig, already in the API shape, comes back the same (empty lists keep Quantity 0)', () => {
    const exported = {
      Aliases: { Quantity: 0 },
      Origins: { Quantity: 1, Items: [{ Id: 'web', DomainName: 'www.example.com', CustomHeaders: { Quantity: 0 }, CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'https-only', OriginSslProtocols: { Quantity: 1, Items: ['TLSv1.2'] } } }] },
      DefaultCacheBehavior: {
        TargetOriginId: 'web',
        TrustedSigners: { Enabled: false, Quantity: 0 },
        AllowedMethods: { Quantity: 2, Items: ['GET', 'HEAD'], CachedMethods: { Quantity: 2, Items: ['GET', 'HEAD'] } },
        LambdaFunctionAssociations: { Quantity: 1, Items: [{ LambdaFunctionARN: 'arn:aws:lambda:us-east-1:123456789012:function:f:3', EventType: 'origin-request', IncludeBody: false }] },
      },
      Logging: { Enabled: false, IncludeCookies: false, Bucket: '', Prefix: '' },
      Restrictions: { GeoRestriction: { RestrictionType: 'none', Quantity: 0 } },
      IsIPV6Enabled: true,
    };
    expect(toApiShape(structuredClone(exported))).toEqual(exported);
  });
});
