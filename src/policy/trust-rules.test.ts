import { describe, it, expect } from 'vitest';
import { checkTrustPolicy } from './trust-rules.js';
import { fixturePolicies } from './fixture-loader.test-helper.js';

const ROLE = 'arn:aws:iam::123456789012:role/edge-auth-role';

function codes(file: string): string[] {
  return checkTrustPolicy(fixturePolicies(file, 'trust-policy', true), ROLE).map((f) => `${f.severity}:${f.code}`);
}

describe('execution role trust policy (§10.2)', () => {
  it.each([
    ['AWS reference (one statement, list of services)', 'trust/aws-reference.json', []],
    ['AWS CDK EdgeFunction (two statements)', 'trust/cdk-edge-function.json', []],
    ['aws iam get-role output', 'trust/get-role-output.json', []],
    ['IAM API GetRole with the URL-encoded document', 'trust/get-role-api-url-encoded.json', []],
    ['Serverless Framework default (lambda only)', 'trust/serverless-default.json', ['error:TRUST_EDGELAMBDA_MISSING']],
    ['edgelambda only, sts:*', 'trust/edgelambda-only.json', ['error:TRUST_LAMBDA_MISSING']],
    ['a Deny for edgelambda', 'trust/deny-edgelambda.json', ['error:TRUST_EDGELAMBDA_MISSING']],
    ['an aws:SourceAccount condition', 'trust/source-account-condition.json', ['warning:TRUST_EDGELAMBDA_DEPENDS', 'warning:TRUST_LAMBDA_DEPENDS']],
  ])('§10.2 %s', (_name, file, expected) => {
    expect(codes(file)).toEqual(expected);
  });

  it('§10.2 quotes the CloudFront text with the role ARN', () => {
    const [f] = checkTrustPolicy(fixturePolicies('trust/serverless-default.json', 'trust-policy', true), ROLE);
    expect(f!.awsMessage).toBe(
      `The function execution role must be assumable with edgelambda.amazonaws.com as well as lambda.amazonaws.com principals. Update the IAM role and try again. Role: ${ROLE}`,
    );
  });

  it('§10.2 quotes the Lambda text when lambda.amazonaws.com is missing', () => {
    const [f] = checkTrustPolicy(fixturePolicies('trust/edgelambda-only.json', 'trust-policy', true), ROLE);
    expect(f!.awsMessage).toBe('The role defined for the function cannot be assumed by Lambda.');
  });

  it('§10.2 the Deny finding names the statement', () => {
    const [f] = checkTrustPolicy(fixturePolicies('trust/deny-edgelambda.json', 'trust-policy', true), ROLE);
    expect(f!.statement).toContain('NoEdge');
  });
});
