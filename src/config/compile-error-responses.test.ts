import { describe, it, expect } from 'vitest';
import { compileErrorResponses } from './compile-error-responses.js';
import { rootLocation } from './json-location.js';

const loc = rootLocation('dist.json', 'DistributionConfig');
function compile(items: unknown[]) {
  return compileErrorResponses({ CustomErrorResponses: { Quantity: items.length, Items: items } }, loc, { warnings: [] });
}

describe('compileErrorResponses', () => {
  it('§7.5 compiles items by ErrorCode, accepting the CLI string forms', () => {
    const responses = compile([
      { ErrorCode: 404, ResponsePagePath: '/404.html', ResponseCode: '404', ErrorCachingMinTTL: 30 },
      { ErrorCode: 503, ResponsePagePath: '', ResponseCode: '' },
    ]);
    expect(responses.get(404)).toEqual({ errorCode: 404, responsePagePath: '/404.html', responseCode: 404, errorCachingMinTTL: 30 });
    expect(responses.get(503)).toEqual({ errorCode: 503, errorCachingMinTTL: 10 });
  });

  it('§7.5 rejects codes CloudFront does not accept and a page path without /', () => {
    expect(() => compile([{ ErrorCode: 418 }])).toThrow(/CustomErrorResponses\.Items\[0\]\.ErrorCode: 418 is not allowed/);
    expect(() => compile([{ ErrorCode: 404, ResponseCode: 201 }])).toThrow(/ResponseCode: 201 is not allowed/);
    expect(() => compile([{ ErrorCode: 404, ResponsePagePath: 'x.html' }])).toThrow(/must start with "\/"/);
    expect(() => compile([{ ErrorCode: 404 }, { ErrorCode: 404 }])).toThrow(/configured twice/);
  });
});
