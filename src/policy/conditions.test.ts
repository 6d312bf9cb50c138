import { describe, it, expect } from 'vitest';
import { evaluateConditions } from './conditions.js';
import { parsePolicyDocument } from './parse-policy.js';

function conditions(condition: unknown) {
  const p = parsePolicyDocument(
    { Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: condition } },
    { file: 'c.json', prefix: '', name: 'c', kind: 'deployer-policy' },
  );
  return p.statements[0]!.conditions;
}

const ctx = (entries: [string, string[]][]) => new Map(entries);
const svc = ctx([['iam:awsservicename', ['replicator.lambda.amazonaws.com']]]);
const none = ctx([]);

describe('conditions (§10.7 item 5)', () => {
  it.each([
    ['StringEquals match', { StringEquals: { 'iam:AWSServiceName': 'replicator.lambda.amazonaws.com' } }, svc, true],
    ['StringEquals is case-sensitive', { StringEquals: { 'iam:AWSServiceName': 'Replicator.lambda.amazonaws.com' } }, svc, false],
    ['StringEqualsIgnoreCase', { StringEqualsIgnoreCase: { 'iam:AWSServiceName': 'Replicator.LAMBDA.amazonaws.com' } }, svc, true],
    ['keys are case-insensitive', { StringEquals: { 'IAM:awsservicename': 'replicator.lambda.amazonaws.com' } }, svc, true],
    ['values OR', { StringEquals: { 'iam:AWSServiceName': ['x', 'replicator.lambda.amazonaws.com'] } }, svc, true],
    ['StringLike wildcard', { StringLike: { 'iam:AWSServiceName': 'replicator.*' } }, svc, true],
    ['StringNotLike', { StringNotLike: { 'iam:AWSServiceName': 'replicator.*' } }, svc, false],
    ['StringNotEquals values NOR', { StringNotEquals: { 'iam:AWSServiceName': ['a', 'b'] } }, svc, true],
    ['missing key → false', { StringEquals: { 'iam:AWSServiceName': 'x' } }, none, false],
    ['missing key with IfExists → true', { StringEqualsIfExists: { 'iam:AWSServiceName': 'x' } }, none, true],
    ['missing key, negated → true', { StringNotEquals: { 'iam:AWSServiceName': 'x' } }, none, true],
    ['present key with IfExists still compares', { StringLikeIfExists: { 'iam:AWSServiceName': 'x' } }, svc, false],
    ['Null true on a missing key', { Null: { 'iam:PassedToService': 'true' } }, svc, true],
    ['Null false on a missing key', { Null: { 'iam:PassedToService': 'false' } }, svc, false],
    ['ArnLike', { ArnLike: { 'iam:AWSServiceName': 'replicator.*.amazonaws.com' } }, svc, true],
    ['ForAnyValue on a missing key → false', { 'ForAnyValue:StringEquals': { 'iam:AWSServiceName': 'x' } }, none, false],
    ['ForAllValues on a missing key → true', { 'ForAllValues:StringEquals': { 'iam:AWSServiceName': 'x' } }, none, true],
    ['ForAnyValue match', { 'ForAnyValue:StringLike': { 'iam:AWSServiceName': ['x', 'repl*'] } }, svc, true],
    ['operators AND', { StringLike: { 'iam:AWSServiceName': 'repl*' }, StringEquals: { 'aws:RequestedRegion': 'us-east-1' } }, svc, false],
    ['Bool compares case-insensitively', { Bool: { 'aws:RequestedRegion': 'TRUE' } }, ctx([['aws:requestedregion', ['true']]]), true],
  ])('§10.7 %s', (_name, condition, context, expected) => {
    expect(evaluateConditions(conditions(condition), context)).toBe(expected);
  });

  it('§10.7 an unknown key is reported, never passed', () => {
    expect(evaluateConditions(conditions({ Bool: { 'aws:SecureTransport': true } }), svc)).toEqual({ unknown: ['aws:SecureTransport'] });
  });

  it('§10.7 a false condition wins over an unknown one', () => {
    const c = conditions({ Bool: { 'aws:SecureTransport': 'true' }, StringEquals: { 'iam:AWSServiceName': 'x' } });
    expect(evaluateConditions(c, svc)).toBe(false);
  });

  it('§10.7 a policy variable in a value is unknown', () => {
    const c = conditions({ StringEquals: { 'iam:AWSServiceName': '${aws:username}' } });
    expect(evaluateConditions(c, svc)).toMatchObject({ unknown: [expect.stringContaining('iam:AWSServiceName')] });
  });
});
