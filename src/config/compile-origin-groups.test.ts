import { describe, it, expect } from 'vitest';
import { compileOriginGroups } from './compile-origin-groups.js';
import { rootLocation } from './json-location.js';

const loc = rootLocation('dist.json', '');
const origins = new Set(['a', 'b']);
function group(codes: unknown[], members: string[], id = 'g') {
  return {
    OriginGroups: {
      Quantity: 1,
      Items: [
        {
          Id: id,
          FailoverCriteria: { StatusCodes: { Quantity: codes.length, Items: codes } },
          Members: { Quantity: members.length, Items: members.map((OriginId) => ({ OriginId })) },
        },
      ],
    },
  };
}

describe('compileOriginGroups', () => {
  it('§2.5 compiles primary, secondary and failover codes', () => {
    const groups = compileOriginGroups(group([500, 503], ['a', 'b']), loc, origins, { warnings: [] });
    const g = groups.get('g')!;
    expect([g.primary, g.secondary]).toEqual(['a', 'b']);
    expect([...g.failoverStatusCodes]).toEqual([500, 503]);
  });

  it('§2.5 rejects a status code outside 400, 403, 404, 416, 500, 502, 503, 504', () => {
    expect(() => compileOriginGroups(group([501], ['a', 'b']), loc, origins, { warnings: [] })).toThrow(
      /OriginGroups\.Items\[0\]\.FailoverCriteria\.StatusCodes\.Items\[0\]: 501 is not a failover status code/,
    );
  });

  it('§7.6 requires two members that are origins of the distribution', () => {
    expect(() => compileOriginGroups(group([500], ['a']), loc, origins, { warnings: [] })).toThrow(/has 1 members; an origin group has exactly two/);
    expect(() => compileOriginGroups(group([500], ['a', 'c']), loc, origins, { warnings: [] })).toThrow(/Members\.Items\[1\]\.OriginId: "c" is not an origin Id/);
    expect(() => compileOriginGroups(group([500], ['a', 'b'], 'a'), loc, origins, { warnings: [] })).toThrow(/already used by an origin/);
  });
});
