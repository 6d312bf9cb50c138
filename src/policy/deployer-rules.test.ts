import { describe, it, expect } from 'vitest';
import { checkDeployer, type DeployerInput } from './deployer-rules.js';
import { fixturePolicies } from './fixture-loader.test-helper.js';

const V3 = 'arn:aws:lambda:us-east-1:123456789012:function:auth-viewer:3';
const V7 = 'arn:aws:lambda:us-east-1:123456789012:function:rewrite-origin:7';

function input(files: string[], extra: Partial<DeployerInput> = {}): DeployerInput {
  return {
    policies: { identity: files.flatMap((f) => fixturePolicies(f)) },
    files,
    partition: 'aws',
    account: '123456789012',
    distributionId: 'E2EXAMPLE12345',
    versionArns: [V3, V7],
    roleArns: [],
    serviceLinkedRolesExist: false,
    ...extra,
  };
}

function codes(files: string[], extra: Partial<DeployerInput> = {}): string[] {
  return checkDeployer(input(files, extra)).map((f) => `${f.severity}:${f.code}`);
}

describe('deployer permissions (§10.3–§10.5)', () => {
  it.each([
    ['AWS documented minimal policy', ['deployer/aws-documented-minimal.json'], []],
    ['PowerUserAccess (NotAction iam/organizations/account)', ['deployer/power-user-access.json'], []],
    [
      'AWSLambda_FullAccess alone',
      ['deployer/aws-lambda-full-access.json'],
      ['error:DEPLOYER_CREATE_SERVICE_LINKED_ROLE_MISSING', 'error:DEPLOYER_CREATE_SERVICE_LINKED_ROLE_MISSING', 'error:DEPLOYER_DISTRIBUTION_MISSING'],
    ],
    ['AWSLambda_FullAccess + CloudFront/SLR policy', ['deployer/aws-lambda-full-access.json', 'deployer/cloudfront-and-slr.json'], []],
    ['get-role-policy + get-policy-version outputs', ['deployer/get-role-policy-output.json', 'deployer/get-policy-version-output.json'], []],
  ])('§10.3 %s', (_name, files, expected) => {
    expect(codes(files)).toEqual(expected);
  });

  it('§10.4 lambda:EnableReplication alone is not enough, with a hint', () => {
    const findings = checkDeployer(input(['deployer/concrete-enable-replication.json', 'deployer/cloudfront-and-slr.json']));
    expect(findings.map((f) => `${f.severity}:${f.code}`)).toEqual([
      'error:DEPLOYER_ENABLE_REPLICATION_MISSING',
      'warning:DEPLOYER_DISABLE_REPLICATION_MISSING',
      'error:DEPLOYER_ENABLE_REPLICATION_MISSING',
      'warning:DEPLOYER_DISABLE_REPLICATION_MISSING',
    ]);
    expect(findings[0]!.hint).toContain('lambda:EnableReplication*');
    expect(findings[0]!.awsMessage).toBe(
      `Lambda@Edge cannot enable replication for the specified Lambda function. Update the IAM policy to add permission: lambda:EnableReplication* for resource: ${V3} and try again.`,
    );
  });

  it('§10.5 an unqualified function ARN in the policy is the old-doc trap', () => {
    const findings = checkDeployer(input(['deployer/unqualified-arn.json', 'deployer/cloudfront-and-slr.json'], { versionArns: [V3] }));
    expect(findings.map((f) => f.code)).toEqual([
      'DEPLOYER_GET_FUNCTION_MISSING',
      'DEPLOYER_ENABLE_REPLICATION_MISSING',
      'DEPLOYER_DISABLE_REPLICATION_MISSING',
    ]);
    expect(findings[1]!.hint).toContain('without the version number');
    expect(findings[0]!.awsMessage).toContain(`lambda:GetFunction for resource: ${V3}`);
  });

  it('§10.4 a Deny on lambda:*Replication* defeats the pattern and names the statement', () => {
    const findings = checkDeployer(input(['deployer/power-user-access.json', 'deployer/deny-replication.json'], { versionArns: [V3] }));
    const enable = findings.find((f) => f.code === 'DEPLOYER_ENABLE_REPLICATION_DENIED');
    expect(enable?.statement).toContain('NoReplication');
    expect(enable?.file).toBe('deployer/deny-replication.json');
  });

  it('§10.7 a condition on aws:MultiFactorAuthPresent gives depends warnings', () => {
    const findings = checkDeployer(input(['deployer/mfa-required.json', 'deployer/cloudfront-and-slr.json'], { versionArns: [V3] }));
    expect(findings.map((f) => `${f.severity}:${f.code}`)).toEqual([
      'warning:DEPLOYER_GET_FUNCTION_DEPENDS',
      'warning:DEPLOYER_ENABLE_REPLICATION_DEPENDS',
      'warning:DEPLOYER_DISABLE_REPLICATION_DEPENDS',
    ]);
    expect(findings[0]!.dependsOn).toEqual(['aws:MultiFactorAuthPresent']);
  });

  it('§10.3 service-linked roles declared to exist downgrade the error to a warning', () => {
    const files = ['deployer/aws-lambda-full-access.json'];
    expect(codes(files, { serviceLinkedRolesExist: true }).filter((c) => c.includes('SERVICE_LINKED'))).toEqual([
      'warning:DEPLOYER_CREATE_SERVICE_LINKED_ROLE_MISSING',
      'warning:DEPLOYER_CREATE_SERVICE_LINKED_ROLE_MISSING',
    ]);
  });

  it('§10.3 UpdateDistribution needs the ARN without a Region segment', () => {
    const bad = fixturePolicies('deployer/aws-documented-minimal.json');
    bad[0]!.statements[2]!.resources = ['arn:aws:cloudfront:us-east-1:123456789012:distribution/E2EXAMPLE12345'];
    const findings = checkDeployer({ ...input([]), policies: { identity: bad } });
    expect(findings.map((f) => f.code)).toEqual(['DEPLOYER_DISTRIBUTION_MISSING']);
  });

  it('§10.3 CreateDistributionWithTags grants nothing (CreateDistribution is needed)', () => {
    const findings = checkDeployer(input(['deployer/create-distribution-with-tags.json'], { versionArns: [V3] }));
    expect(findings.map((f) => f.code)).toContain('DEPLOYER_DISTRIBUTION_MISSING');
  });

  it('§10.3 iam:PassRole on the execution role is a warning; AWSLambda_FullAccess grants it', () => {
    const role = 'arn:aws:iam::123456789012:role/edge-auth-role';
    expect(codes(['deployer/power-user-access.json'], { roleArns: [role] })).toEqual(['warning:DEPLOYER_PASS_ROLE_MISSING']);
    expect(codes(['deployer/power-user-access.json', 'deployer/aws-lambda-full-access.json'], { roleArns: [role] })).toEqual([]);
  });

  it('§10.7 a permissions boundary without CloudFront rights blocks the deploy', () => {
    const boundary = fixturePolicies('deployer/aws-lambda-full-access.json', 'permissions-boundary');
    const findings = checkDeployer({
      ...input(['deployer/power-user-access.json']),
      policies: { identity: fixturePolicies('deployer/power-user-access.json'), boundary },
    });
    expect(findings.map((f) => f.code)).toEqual([
      'DEPLOYER_CREATE_SERVICE_LINKED_ROLE_MISSING',
      'DEPLOYER_CREATE_SERVICE_LINKED_ROLE_MISSING',
      'DEPLOYER_DISTRIBUTION_MISSING',
    ]);
  });
});
