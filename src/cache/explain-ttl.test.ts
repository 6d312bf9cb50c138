import { describe, expect, it } from 'vitest';
import { decideTtl } from './ttl.js';
import { surprisingCacheDecision } from './explain-ttl.js';
import { headers, policy as testPolicy } from './test-fixtures.js';
import type { CacheKeyPolicy } from '../config/types.js';
import type { CfHeaders } from '../event/types.js';

const policy = (minTTL: number, defaultTTL: number, maxTTL: number): CacheKeyPolicy => testPolicy({ minTTL, defaultTTL, maxTTL });
const cacheControl = (value: string): CfHeaders => headers({ 'Cache-Control': value });
const explain = (p: CacheKeyPolicy, headers: CfHeaders) => surprisingCacheDecision(p, 200, headers, decideTtl(p, 200, headers, undefined, 0), 0);

describe('issue 12 surprisingCacheDecision', () => {
  it('§5.6 no-store under MinTTL 1 is still cached, and says why', () => {
    expect(explain(policy(1, 86400, 31536000), cacheControl('no-store'))).toBe(
      "cached 1 s despite the origin's no-cache/no-store/private: the cache policy's MinTTL 1 overrides it (§5.6)",
    );
  });

  it('§5.6 max-age raised to MinTTL or capped at MaxTTL is explained', () => {
    expect(explain(policy(60, 86400, 31536000), cacheControl('max-age=5'))).toBe("cached 60 s, not the origin's 5 s: raised to MinTTL 60 (§5.6)");
    expect(explain(policy(0, 86400, 100), cacheControl('max-age=500'))).toBe("cached 100 s, not the origin's 500 s: capped at MaxTTL 100 (§5.6)");
  });

  it('§5.6 what the headers say needs no explanation', () => {
    expect(explain(policy(0, 86400, 31536000), cacheControl('max-age=60'))).toBeUndefined();
    expect(explain(policy(0, 86400, 31536000), cacheControl('no-store'))).toBeUndefined();
  });
});
