import { describe, expect, it } from 'vitest';
import { parsePolicyStatement, resourceMatches, sourceIpMatches } from './policy-statement.js';
import { readSignedParams } from './signed-params.js';

describe('signing', () => {
  it('issue 11 custom policy Resource wildcards: * any characters, ? exactly one', () => {
    expect(resourceMatches('https://d1.example/*', 'https://d1.example/a/b?x=1')).toBe(true);
    expect(resourceMatches('https://d1.example/file?.jpg', 'https://d1.example/file1.jpg')).toBe(true);
    expect(resourceMatches('https://d1.example/file?.jpg', 'https://d1.example/file10.jpg')).toBe(false);
    expect(resourceMatches('*', 'http://anything')).toBe(true);
  });

  it('issue 11 AWS:SourceIp takes an address or a CIDR range', () => {
    expect(sourceIpMatches('192.0.2.0/24', '192.0.2.77')).toBe(true);
    expect(sourceIpMatches('192.0.2.10', '192.0.2.11')).toBe(false);
  });

  it('issue 11 a policy needs exactly one statement with DateLessThan', () => {
    expect(parsePolicyStatement('{"Statement":[{"Resource":"*","Condition":{"DateLessThan":{"AWS:EpochTime":5}}}]}')).toEqual({ resource: '*', dateLessThan: 5 });
    expect(parsePolicyStatement('{"Statement":[{"Resource":"*","Condition":{}}]}')).toBeUndefined();
    expect(parsePolicyStatement('not json')).toBeUndefined();
  });

  it('issue 11 query parameters win over cookies and leave the query string', () => {
    const fromQuery = readSignedParams('a=1&Expires=9&Signature=s&Key-Pair-Id=K&Hash-Algorithm=SHA256&b=2', ['CloudFront-Key-Pair-Id=C']);
    expect(fromQuery).toEqual({ params: { expires: '9', signature: 's', keyPairId: 'K', hashAlgorithm: 'SHA256' }, rest: 'a=1&b=2', fromQuery: true });
    expect(readSignedParams('a=1', ['x=1; CloudFront-Key-Pair-Id=C; CloudFront-Signature=S']).params).toEqual({ keyPairId: 'C', signature: 'S' });
  });
});
