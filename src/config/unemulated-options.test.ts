import { describe, expect, it } from 'vitest';
import { unemulatedOptions } from './unemulated-options.js';

describe('unemulatedOptions', () => {
  it('issue 11 names each accepted option edge-dev cannot emulate, once', () => {
    const lines = unemulatedOptions({
      WebACLId: 'arn:aws:wafv2:us-east-1:1:global/webacl/x/1',
      PriceClass: 'PriceClass_100',
      Staging: true,
      Origins: { Quantity: 1, Items: [{ Id: 'o', OriginShield: { Enabled: true, OriginShieldRegion: 'us-east-1' } }] },
      DefaultCacheBehavior: { FieldLevelEncryptionId: 'fle-1' },
    });
    expect(lines.map((l) => l.split(/[ :(]/)[0])).toEqual(['WebACLId', 'OriginShield', 'FieldLevelEncryptionId', 'PriceClass', 'continuous']);
    expect(unemulatedOptions({ PriceClass: 'PriceClass_All', WebACLId: '' })).toEqual([]);
    // Standard logs are written locally now.
    expect(unemulatedOptions({ Logging: { Enabled: true, Bucket: 'logs.s3.amazonaws.com', IncludeCookies: false, Prefix: '' } })).toEqual([]);
  });
});
