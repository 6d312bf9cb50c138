import { describe, it, expect } from 'vitest';
import { compileFunctionAssociations, compileLambdaAssociations } from './compile-associations.js';
import { rootLocation } from './json-location.js';

const loc = rootLocation('dist.json', 'DefaultCacheBehavior');
const arn = 'arn:aws:lambda:us-east-1:123456789012:function:f:1';
function behavior(lambda: unknown[], cff: unknown[] = []) {
  return {
    LambdaFunctionAssociations: { Quantity: lambda.length, Items: lambda },
    FunctionAssociations: { Quantity: cff.length, Items: cff },
  };
}
const compile = (b: Record<string, unknown>) => compileLambdaAssociations(b, loc, { warnings: [] });

describe('compileLambdaAssociations', () => {
  it('§2.1 reads up to four associations, one per event type', () => {
    const drafts = compile(
      behavior([
        { LambdaFunctionARN: arn, EventType: 'viewer-request', IncludeBody: true },
        { LambdaFunctionARN: arn, EventType: 'origin-response' },
      ]),
    );
    expect(drafts.map((d) => [d.eventType, d.includeBody])).toEqual([
      ['viewer-request', true],
      ['origin-response', false],
    ]);
    expect(drafts[1]!.loc.path).toBe('DefaultCacheBehavior.LambdaFunctionAssociations.Items[1]');
  });

  it('§10.1 rejects two associations for one event type', () => {
    expect(() =>
      compile(behavior([{ LambdaFunctionARN: arn, EventType: 'origin-request' }, { LambdaFunctionARN: arn, EventType: 'origin-request' }])),
    ).toThrow(/Items\[1\]\.EventType: a second origin-request association/);
  });

  it('§10.1 rejects IncludeBody on a response event', () => {
    expect(() => compile(behavior([{ LambdaFunctionARN: arn, EventType: 'viewer-response', IncludeBody: true }]))).toThrow(
      /Items\[0\]\.IncludeBody: is only allowed on viewer-request and origin-request, not viewer-response/,
    );
  });

  it('§10.1 rejects an unknown event type', () => {
    expect(() => compile(behavior([{ LambdaFunctionARN: arn, EventType: 'viewer_request' }]))).toThrow(/EventType: "viewer_request" is not valid/);
  });
});

describe('compileFunctionAssociations', () => {
  const cff = (EventType: string) => ({ FunctionARN: 'arn:aws:cloudfront::123456789012:function/f', EventType });

  it('§9 rejects a CloudFront Function and a Lambda@Edge function on the same viewer event', () => {
    const b = behavior([{ LambdaFunctionARN: arn, EventType: 'viewer-request' }], [cff('viewer-request')]);
    expect(() => compileFunctionAssociations(b, compile(b), loc, { warnings: [] })).toThrow(
      /FunctionAssociations\.Items\[0\]\.EventType: a CloudFront Function and a Lambda@Edge function .* cannot both be on viewer-request/,
    );
  });

  it('§9 allows CFF on viewer events with L@E on origin events', () => {
    const b = behavior([{ LambdaFunctionARN: arn, EventType: 'origin-request' }], [cff('viewer-request'), cff('viewer-response')]);
    expect(() => compileFunctionAssociations(b, compile(b), loc, { warnings: [] })).not.toThrow();
  });

  it('§9 rejects a CloudFront Function on an origin event', () => {
    const b = behavior([], [cff('origin-request')]);
    expect(() => compileFunctionAssociations(b, [], loc, { warnings: [] })).toThrow(/run on viewer-request or viewer-response only/);
  });
});
