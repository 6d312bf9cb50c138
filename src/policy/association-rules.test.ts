import { describe, it, expect } from 'vitest';
import { checkAssociationArn, checkAssociationEvent, checkBehaviorAssociations } from './association-rules.js';
import { readBehaviors } from './distribution-model.js';
import type { AssociationRef, BehaviorRef } from './types.js';

function assoc(arn: string, eventType = 'viewer-request', includeBody = false): AssociationRef {
  return { behaviorPath: 'DefaultCacheBehavior', pathPattern: '*', eventType, arn, includeBody, path: 'x.Items[0]' };
}

const codes = (findings: { severity: string; code: string }[]) => findings.map((f) => `${f.severity}:${f.code}`);

describe('association ARN (§10.1, §10.5)', () => {
  it.each([
    ['numbered version in us-east-1', 'arn:aws:lambda:us-east-1:123456789012:function:f:3', []],
    ['us-west-2', 'arn:aws:lambda:us-west-2:123456789012:function:f:2', ['error:ASSOCIATION_REGION']],
    ['$LATEST', 'arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST', ['error:ASSOCIATION_NOT_VERSIONED']],
    ['unqualified', 'arn:aws:lambda:us-east-1:123456789012:function:f', ['error:ASSOCIATION_NOT_VERSIONED']],
    ['alias', 'arn:aws:lambda:us-east-1:123456789012:function:f:live', ['error:ASSOCIATION_NOT_VERSIONED']],
    ['not an ARN', 'f:3', ['error:ASSOCIATION_ARN_INVALID']],
  ])('§10.1 %s', (_name, arn, expected) => {
    expect(codes(checkAssociationArn(assoc(arn), 'c.json'))).toEqual(expected);
  });

  it('§10.1 quotes CloudFront texts with the ARN', () => {
    const arn = 'arn:aws:lambda:us-west-2:123456789012:function:f:$LATEST';
    const [region, version] = checkAssociationArn(assoc(arn), 'c.json');
    expect(region!.awsMessage).toBe(`The function must be in region 'us-east-1'. ARN: ${arn}`);
    expect(version!.awsMessage).toBe(
      `The function ARN must reference a specific function version. (The ARN must end with the version number.) ARN: ${arn}`,
    );
  });

  it('§10.1 function and distribution in different accounts', () => {
    const f = checkAssociationArn(assoc('arn:aws:lambda:us-east-1:123456789012:function:f:3'), 'c.json', '210987654321');
    expect(codes(f)).toEqual(['error:ASSOCIATION_ACCOUNT_MISMATCH']);
  });
});

describe('association event (§10.1)', () => {
  const arn = 'arn:aws:lambda:us-east-1:123456789012:function:f:3';
  it.each([
    ['IncludeBody on viewer-request', 'viewer-request', true, []],
    ['IncludeBody on origin-request', 'origin-request', true, []],
    ['IncludeBody on origin-response', 'origin-response', true, ['error:ASSOCIATION_INCLUDE_BODY']],
    ['IncludeBody on viewer-response', 'viewer-response', true, ['error:ASSOCIATION_INCLUDE_BODY']],
    ['unknown event type', 'origin-reply', false, ['error:ASSOCIATION_EVENT_TYPE_INVALID']],
  ])('§10.1 %s', (_name, eventType, includeBody, expected) => {
    expect(codes(checkAssociationEvent(assoc(arn, eventType, includeBody), 'c.json'))).toEqual(expected);
  });
});

describe('behavior associations (§10.1, §9)', () => {
  const lfa = (items: unknown[]) => ({ Quantity: items.length, Items: items });
  const item = (EventType: string) => ({ LambdaFunctionARN: 'arn:aws:lambda:us-east-1:123456789012:function:f:3', EventType });
  function behavior(extra: Record<string, unknown>): BehaviorRef {
    return readBehaviors({ DefaultCacheBehavior: { TargetOriginId: 'o', ...extra } }, 'c.json')[0]!;
  }

  it('§10.1 two associations for one event type → TooManyLambdaFunctionAssociations', () => {
    const f = checkBehaviorAssociations(behavior({ LambdaFunctionAssociations: lfa([item('viewer-request'), item('viewer-request')]) }), 'c.json');
    expect(codes(f)).toEqual(['error:ASSOCIATION_DUPLICATE_EVENT_TYPE']);
    expect(f[0]!.statement).toBe('distribution.DefaultCacheBehavior.LambdaFunctionAssociations.Items[1]');
  });

  it('§9 CloudFront Function and Lambda@Edge on the same viewer event', () => {
    const b = behavior({
      LambdaFunctionAssociations: lfa([item('viewer-request')]),
      FunctionAssociations: lfa([{ FunctionARN: 'arn:aws:cloudfront::123456789012:function/f', EventType: 'viewer-request' }]),
    });
    expect(codes(checkBehaviorAssociations(b, 'c.json'))).toEqual(['error:ASSOCIATION_CFF_AND_LAMBDA']);
  });

  it('§9 CloudFront Function on viewer events with Lambda@Edge on origin events is allowed', () => {
    const b = behavior({
      LambdaFunctionAssociations: lfa([item('origin-request')]),
      FunctionAssociations: lfa([{ FunctionARN: 'arn:aws:cloudfront::123456789012:function/f', EventType: 'viewer-request' }]),
    });
    expect(checkBehaviorAssociations(b, 'c.json')).toEqual([]);
  });

  it('§10.1 no edge functions on Smooth Streaming behaviors', () => {
    const b = behavior({ SmoothStreaming: true, LambdaFunctionAssociations: lfa([item('origin-request')]) });
    expect(codes(checkBehaviorAssociations(b, 'c.json'))).toEqual(['error:ASSOCIATION_SMOOTH_STREAMING']);
  });
});
