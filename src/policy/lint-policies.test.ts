import { describe, it, expect } from 'vitest';
import { lintLeastPrivilege, lintSetOperators, lintUnknownActions } from './lint-policies.js';
import { checkExecutionRoleLogging } from './logging-rules.js';
import { fixturePolicies } from './fixture-loader.test-helper.js';
import { parsePolicyDocument } from './parse-policy.js';

function policy(statements: unknown[]) {
  return parsePolicyDocument({ Statement: statements }, { file: 'p.json', prefix: '', name: 'p', kind: 'deployer-policy' });
}

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('unknown actions (§10.3)', () => {
  it('§10.3 CreateDistributionWithTags is an API operation, not an action', () => {
    const [f] = lintUnknownActions(fixturePolicies('deployer/create-distribution-with-tags.json')[0]!);
    expect(f).toMatchObject({ severity: 'warning', code: 'POLICY_UNKNOWN_ACTION' });
    expect(f!.fix).toContain('cloudfront:CreateDistribution and cloudfront:TagResource');
  });

  it('§10.3 a misspelt Lambda action is reported; real ones and other services are not', () => {
    const p = policy([{ Effect: 'Allow', Action: ['lambda:GetFunctions', 'lambda:GetFunction', 's3:MadeUp', 'cloudfront:UpdateDistribution'], Resource: '*' }]);
    expect(lintUnknownActions(p).map((f) => f.message.split(' ')[0])).toEqual(['lambda:GetFunctions']);
  });
});

describe('set operators (§10.7 item 5)', () => {
  it('§10.7 ForAnyValue on iam:AWSServiceName is linted', () => {
    const p = policy([{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'iam:AWSServiceName': 'x' } } }]);
    expect(codes(lintSetOperators(p))).toEqual(['POLICY_SET_OPERATOR_ON_SINGLE_VALUED_KEY']);
  });

  it('§10.7 ForAllValues on a multi-valued tag key is fine', () => {
    const p = policy([{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': 'x' } } }]);
    expect(lintSetOperators(p)).toEqual([]);
  });
});

describe('least privilege (§10.3)', () => {
  it.each([
    ['AWS documented minimal', 'deployer/aws-documented-minimal.json', []],
    [
      'PowerUserAccess',
      'deployer/power-user-access.json',
      ['LEAST_PRIVILEGE_NOT_ACTION_ALLOW', 'LEAST_PRIVILEGE_WILDCARD_RESOURCE', 'LEAST_PRIVILEGE_SERVICE_LINKED_ROLE_UNCONDITIONED'],
    ],
    [
      'AWSLambda_FullAccess',
      'deployer/aws-lambda-full-access.json',
      ['LEAST_PRIVILEGE_WILDCARD_ACTION', 'LEAST_PRIVILEGE_WILDCARD_RESOURCE', 'LEAST_PRIVILEGE_PASS_ROLE_ANY'],
    ],
  ])('§10.3 %s', (_name, file, expected) => {
    expect(codes(fixturePolicies(file).flatMap(lintLeastPrivilege))).toEqual(expected);
  });
});

describe('execution role logging (§10.6)', () => {
  it.each([
    ['all Regions, us-east-1. prefix', 'execution-role/edge-logs.json', []],
    ['AWSLambdaBasicExecutionRole-style, us-east-1 only', 'execution-role/basic-execution-one-region.json', ['EXECUTION_ROLE_LOGS_ONE_REGION']],
    ['/aws/lambda/<name> without the prefix', 'execution-role/plain-log-group.json', ['EXECUTION_ROLE_LOGS_WRONG_GROUP']],
    ['no logs at all', 'trust/../deployer/cloudfront-and-slr.json', ['EXECUTION_ROLE_LOGS_MISSING']],
  ])('§10.6 %s', (_name, file, expected) => {
    const findings = checkExecutionRoleLogging(fixturePolicies(file, 'execution-role-policy'), 'aws', '123456789012', 'auth-viewer');
    expect(codes(findings)).toEqual(expected);
    for (const f of findings) expect(f.severity).toBe('warning');
  });
});
