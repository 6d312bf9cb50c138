import { describe, it, expect } from 'vitest';
import { evaluate, evaluatePolicies } from './evaluate.js';
import { parsePolicyDocument } from './parse-policy.js';
import type { AccessRequest, Policy } from './types.js';

const V3 = 'arn:aws:lambda:us-east-1:123456789012:function:auth-viewer:3';

function policy(statements: unknown[], kind: Policy['kind'] = 'deployer-policy'): Policy {
  return parsePolicyDocument({ Version: '2012-10-17', Statement: statements }, { file: 'p.json', prefix: '', name: 'p', kind });
}

function req(action: string, resource: string, context: [string, string][] = []): AccessRequest {
  return { action, resource, context: new Map(context.map(([k, v]) => [k, [v]])) };
}

const allowAll = { Effect: 'Allow', Action: '*', Resource: '*' };

describe('evaluatePolicies (§10.7)', () => {
  it('§10.7 default deny: nothing allows → implicit deny', () => {
    const d = evaluatePolicies([policy([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }])], req('lambda:GetFunction', V3));
    expect(d).toEqual({ result: 'denied', explicit: false });
  });

  it('§10.7 explicit Deny beats an Allow in another policy', () => {
    const d = evaluatePolicies(
      [policy([allowAll]), policy([{ Sid: 'No', Effect: 'Deny', Action: 'lambda:GetFunction', Resource: '*' }])],
      req('lambda:GetFunction', V3),
    );
    expect(d.result).toBe('denied');
    expect(d.result === 'denied' && d.by?.sid).toBe('No');
  });

  it('§10.7 actions are case-insensitive, ARNs case-sensitive', () => {
    const p = policy([{ Effect: 'Allow', Action: 'LAMBDA:getfunction', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:Auth-viewer:3' }]);
    expect(evaluatePolicies([p], req('lambda:GetFunction', V3)).result).toBe('denied');
    const q = policy([{ Effect: 'Allow', Action: 'LAMBDA:getfunction', Resource: V3 }]);
    expect(evaluatePolicies([q], req('lambda:GetFunction', V3)).result).toBe('allowed');
  });

  it('§10.7 NotAction in an Allow grants everything except the list (PowerUserAccess)', () => {
    const p = policy([{ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }]);
    expect(evaluatePolicies([p], req('lambda:GetFunction', V3)).result).toBe('allowed');
    expect(evaluatePolicies([p], req('iam:PassRole', 'arn:aws:iam::123456789012:role/r')).result).toBe('denied');
  });

  it('§10.7 NotAction in a Deny denies everything except the list', () => {
    const p = policy([allowAll, { Effect: 'Deny', NotAction: 'lambda:*', Resource: '*' }]);
    expect(evaluatePolicies([p], req('lambda:GetFunction', V3)).result).toBe('allowed');
    expect(evaluatePolicies([p], req('cloudfront:UpdateDistribution', 'arn:aws:cloudfront::1:distribution/E')).result).toBe('denied');
  });

  it('§10.7 NotResource inverts the resource match', () => {
    const p = policy([{ Effect: 'Allow', Action: 'lambda:*', NotResource: 'arn:aws:lambda:*:*:function:secret*' }]);
    expect(evaluatePolicies([p], req('lambda:GetFunction', V3)).result).toBe('allowed');
    expect(evaluatePolicies([p], req('lambda:GetFunction', 'arn:aws:lambda:us-east-1:1:function:secret:1')).result).toBe('denied');
  });

  it('§10.5 an unqualified ARN does not match the version ARN; a trailing * does', () => {
    const unq = policy([{ Effect: 'Allow', Action: 'lambda:GetFunction', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:auth-viewer' }]);
    expect(evaluatePolicies([unq], req('lambda:GetFunction', V3)).result).toBe('denied');
    const star = policy([{ Effect: 'Allow', Action: 'lambda:GetFunction', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:auth-viewer*' }]);
    expect(evaluatePolicies([star], req('lambda:GetFunction', V3)).result).toBe('allowed');
  });

  it('§10.4 a pattern request needs an Allow covering the whole pattern', () => {
    const concrete = policy([{ Effect: 'Allow', Action: 'lambda:EnableReplication', Resource: '*' }]);
    expect(evaluatePolicies([concrete], req('lambda:EnableReplication*', V3)).result).toBe('denied');
    const pattern = policy([{ Effect: 'Allow', Action: 'lambda:Enable*', Resource: '*' }]);
    expect(evaluatePolicies([pattern], req('lambda:EnableReplication*', V3)).result).toBe('allowed');
  });

  it('§10.4 a Deny hitting part of the pattern defeats it', () => {
    const p = policy([allowAll, { Effect: 'Deny', Action: 'lambda:EnableReplicationX', Resource: '*' }]);
    expect(evaluatePolicies([p], req('lambda:EnableReplication*', V3)).result).toBe('denied');
  });

  it('§10.4 a NotAction Allow covers the pattern only if no entry can match it', () => {
    const p = policy([{ Effect: 'Allow', NotAction: 'lambda:*Replication', Resource: '*' }]);
    expect(evaluatePolicies([p], req('lambda:EnableReplication*', V3)).result).toBe('denied');
    const q = policy([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]);
    expect(evaluatePolicies([q], req('lambda:EnableReplication*', V3)).result).toBe('allowed');
  });

  it('§10.7 a condition on an unknown key gives depends with the key', () => {
    const p = policy([{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }]);
    const d = evaluatePolicies([p], req('lambda:GetFunction', V3));
    expect(d).toMatchObject({ result: 'depends', on: ['aws:SourceIp'] });
  });

  it('§10.7 a Deny with an unknown condition turns an Allow into depends', () => {
    const p = policy([allowAll, { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }]);
    expect(evaluatePolicies([p], req('lambda:GetFunction', V3))).toMatchObject({ result: 'depends', on: ['aws:MultiFactorAuthPresent'] });
  });

  it('§10.7 policy variables in Resource give depends', () => {
    const p = policy([{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:lambda:*:*:function:${aws:username}-*' }]);
    expect(evaluatePolicies([p], req('lambda:GetFunction', V3)).result).toBe('depends');
  });

  it('§10.7 a known key missing from the request makes a positive operator false', () => {
    const p = policy([{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } }]);
    expect(evaluatePolicies([p], req('lambda:GetFunction', V3)).result).toBe('denied');
    expect(
      evaluatePolicies([p], req('iam:PassRole', 'arn:aws:iam::1:role/r', [['iam:passedtoservice', 'lambda.amazonaws.com']])).result,
    ).toBe('allowed');
  });
});

describe('evaluate with boundary and SCP (§10.7 item 1)', () => {
  it('§10.7 a permissions boundary must also allow', () => {
    const identity = [policy([allowAll])];
    const boundary = [policy([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }], 'permissions-boundary')];
    expect(evaluate({ identity, boundary }, req('lambda:GetFunction', V3)).result).toBe('denied');
    expect(evaluate({ identity }, req('lambda:GetFunction', V3)).result).toBe('allowed');
  });

  it('§10.7 a Deny in an SCP wins', () => {
    const identity = [policy([allowAll])];
    const scp = [policy([allowAll, { Sid: 'RegionLock', Effect: 'Deny', Action: 'lambda:*', Resource: '*' }], 'scp')];
    const d = evaluate({ identity, scp }, req('lambda:GetFunction', V3));
    expect(d.result === 'denied' && d.explicit && d.by?.sid).toBe('RegionLock');
  });

  it('§10.7 aws:RequestedRegion is known (us-east-1 for Lambda calls)', () => {
    const identity = [policy([allowAll])];
    const scp = [
      policy(
        [allowAll, { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } } }],
        'scp',
      ),
    ];
    const d = evaluate({ identity, scp }, req('lambda:GetFunction', V3, [['aws:requestedregion', 'us-east-1']]));
    expect(d.result).toBe('denied');
  });
});
