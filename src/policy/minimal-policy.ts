/**
 * `--print-minimal-policy`: the least-privilege deployer policy (§10.3, §10.4 patterns, §10.5 version ARNs)
 * and the execution role trust policy (§10.2) for the configured functions and distribution.
 */
import { distributionArn, parseLambdaArn, SERVICE_LINKED_ROLES, serviceLinkedRoleArn } from './arn.js';

export interface MinimalPolicyInput {
  partition: string;
  account: string;
  /** Associated version ARNs. */
  versionArns: string[];
  distributionId?: string;
  /** Execution roles to allow iam:PassRole on (only for tools that create or update functions). */
  roleArns: string[];
}

export interface MinimalPolicies {
  deployerPolicy: { Version: string; Statement: Record<string, unknown>[] };
  trustPolicy: { Version: string; Statement: Record<string, unknown>[] };
}

export function minimalPolicies(input: MinimalPolicyInput): MinimalPolicies {
  const versions = [...new Set(input.versionArns.filter((a) => parseLambdaArn(a)?.qualifierKind === 'version'))].sort();
  const statements: Record<string, unknown>[] = [];
  if (versions.length > 0) {
    statements.push({
      Sid: 'LambdaEdgeReplication',
      Effect: 'Allow',
      // §10.4: the trailing * is required; §10.5: version ARNs, not unqualified ones.
      Action: ['lambda:GetFunction', 'lambda:EnableReplication*', 'lambda:DisableReplication*'],
      Resource: versions,
    });
  }
  statements.push({
    Sid: 'LambdaEdgeServiceLinkedRoles',
    Effect: 'Allow',
    Action: 'iam:CreateServiceLinkedRole',
    Resource: SERVICE_LINKED_ROLES.map((r) => serviceLinkedRoleArn(input.partition, input.account, r.service, r.role)),
    Condition: { StringLike: { 'iam:AWSServiceName': SERVICE_LINKED_ROLES.map((r) => r.service) } },
  });
  statements.push(
    input.distributionId
      ? {
          Sid: 'UpdateDistribution',
          Effect: 'Allow',
          Action: ['cloudfront:GetDistributionConfig', 'cloudfront:UpdateDistribution'],
          Resource: distributionArn(input.partition, input.account, input.distributionId),
        }
      : { Sid: 'CreateDistribution', Effect: 'Allow', Action: ['cloudfront:CreateDistribution', 'cloudfront:TagResource'], Resource: '*' },
  );
  if (input.roleArns.length > 0) {
    statements.push({
      Sid: 'PassExecutionRole',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: [...new Set(input.roleArns)].sort(),
      Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
    });
  }
  return {
    deployerPolicy: { Version: '2012-10-17', Statement: statements },
    trustPolicy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: ['lambda.amazonaws.com', 'edgelambda.amazonaws.com'] },
          Action: 'sts:AssumeRole',
        },
      ],
    },
  };
}
