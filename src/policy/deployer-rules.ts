/**
 * §10.3–§10.5: what the deploying principal must be allowed to do to associate Lambda@Edge versions.
 */
import { distributionArn, parseLambdaArn, SERVICE_LINKED_ROLES, serviceLinkedRoleArn } from './arn.js';
import { decisionFinding, type RequirementText } from './decision-finding.js';
import { evaluate } from './evaluate.js';
import { nearMisses } from './near-miss.js';
import type { AccessRequest, Finding, PolicySet } from './types.js';

export interface DeployerInput {
  policies: PolicySet;
  files: string[];
  partition: string;
  account: string;
  distributionId?: string;
  /** Associated version ARNs (us-east-1, numbered). */
  versionArns: string[];
  /** Execution roles of the functions, when known (PassRole, warning). */
  roleArns: string[];
  /** §10.3: the service-linked roles are declared to exist already. */
  serviceLinkedRolesExist: boolean;
}

/** Lambda calls are made in us-east-1; CloudFront and IAM are global services signed in us-east-1 too. */
function request(action: string, resource: string, extra: [string, string][] = []): AccessRequest {
  const context = new Map<string, string[]>([['aws:requestedregion', ['us-east-1']]]);
  for (const [k, v] of extra) context.set(k, [v]);
  return { action, resource, context };
}

const OLD_DOC_HINT =
  'IAM matches resource ARNs literally apart from wildcards, so an unqualified function ARN does not match the version ' +
  'ARN CloudFront checks (…:function:name:7). Between 2020-07 and 2023 the CloudFront Developer Guide told users to ' +
  'give the ARN "without the version number" for lambda:EnableReplication*; that wording is the origin of many such policies. ' +
  'Use the version ARN, …:function:name:*, …:function:name* or …:function:*.';

const CONCRETE_HINT =
  'The policy allows lambda:EnableReplication but not every action the pattern lambda:EnableReplication* covers; ' +
  'CloudFront requires the pattern (trailing "*"). Write "lambda:EnableReplication*".';

/** §10.5: would the requirement pass on the unqualified ARN, i.e. is this the unqualified-ARN trap? */
function unqualifiedTrap(policies: PolicySet, action: string, versionArn: string): boolean {
  const parsed = parseLambdaArn(versionArn);
  if (!parsed) return false;
  return evaluate(policies, request(action, parsed.unqualified)).result === 'allowed';
}

/** §10.3 rows for one version: GetFunction, EnableReplication* (§10.4), DisableReplication* (warning). */
export function checkFunctionPermissions(input: DeployerInput, versionArn: string): Finding[] {
  const findings: Finding[] = [];
  const common = { input: 'deployer-policy' as const, files: input.files, function: versionArn };
  const rows: { action: string; code: string; severity: 'error' | 'warning'; aws?: string }[] = [
    {
      action: 'lambda:GetFunction',
      code: 'DEPLOYER_GET_FUNCTION',
      severity: 'error',
      aws: `Lambda@Edge cannot retrieve the specified Lambda function. Update the IAM policy to add permission: lambda:GetFunction for resource: ${versionArn} and try again.`,
    },
    {
      action: 'lambda:EnableReplication*',
      code: 'DEPLOYER_ENABLE_REPLICATION',
      severity: 'error',
      aws: `Lambda@Edge cannot enable replication for the specified Lambda function. Update the IAM policy to add permission: lambda:EnableReplication* for resource: ${versionArn} and try again.`,
    },
    { action: 'lambda:DisableReplication*', code: 'DEPLOYER_DISABLE_REPLICATION', severity: 'warning' },
  ];
  for (const row of rows) {
    const decision = evaluate(input.policies, request(row.action, versionArn));
    if (decision.result === 'allowed') continue;
    const hints: string[] = [];
    if (row.action.endsWith('*')) {
      const concrete = row.action.slice(0, -1);
      if (evaluate(input.policies, request(concrete, versionArn)).result === 'allowed') {
        hints.push(CONCRETE_HINT.replaceAll('EnableReplication', concrete.slice('lambda:'.length)));
      }
    }
    if (unqualifiedTrap(input.policies, row.action, versionArn)) hints.push(OLD_DOC_HINT);
    hints.push(...nearMisses(input.policies, request, row.action, versionArn));
    const text: RequirementText = {
      ...common,
      code: row.code,
      severity: row.severity,
      needed: `${row.action} on ${versionArn}`,
      awsMessage: row.aws,
      fix: `Allow "${row.action}" on "${versionArn}" (or "${parseLambdaArn(versionArn)?.unqualified ?? versionArn}:*").`,
      reference: row.action.includes('Replication') ? '§10.4' : '§10.3',
      hint: hints.length > 0 ? hints.join(' ') : undefined,
    };
    if (row.severity === 'warning') {
      text.fix += ' Needed to remove the association or delete the function later (teardown).';
    }
    const finding = decisionFinding(decision, text);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** §10.3: iam:CreateServiceLinkedRole for both roles, with the iam:AWSServiceName context. */
export function checkServiceLinkedRoles(input: DeployerInput): Finding[] {
  const findings: Finding[] = [];
  for (const { service, role } of SERVICE_LINKED_ROLES) {
    const arn = serviceLinkedRoleArn(input.partition, input.account, service, role);
    const decision = evaluate(
      input.policies,
      request('iam:CreateServiceLinkedRole', arn, [['iam:awsservicename', service]]),
    );
    const finding = decisionFinding(decision, {
      input: 'deployer-policy',
      files: input.files,
      code: 'DEPLOYER_CREATE_SERVICE_LINKED_ROLE',
      severity: input.serviceLinkedRolesExist ? 'warning' : 'error',
      needed: `iam:CreateServiceLinkedRole on ${arn} (iam:AWSServiceName = ${service})`,
      awsMessage: 'The user is not authorized to create or assume a service linked role.',
      fix:
        `Allow "iam:CreateServiceLinkedRole" on "${arn}" with {"StringLike": {"iam:AWSServiceName": "${service}"}}` +
        (input.serviceLinkedRolesExist ? ' (only the first deployment in an account needs it).' : ', or pass --service-linked-roles-exist if the account already has the role.'),
      reference: '§10.3',
    });
    if (finding) findings.push(finding);
  }
  return findings;
}

/** §10.3: cloudfront:UpdateDistribution on the distribution ARN (no Region) or cloudfront:CreateDistribution. */
export function checkDistributionPermission(input: DeployerInput): Finding[] {
  const update = input.distributionId
    ? evaluate(input.policies, request('cloudfront:UpdateDistribution', distributionArn(input.partition, input.account, input.distributionId)))
    : undefined;
  if (update?.result === 'allowed') return [];
  const create = evaluate(input.policies, request('cloudfront:CreateDistribution', '*'));
  if (create.result === 'allowed') return [];
  const decision = update && update.result !== 'denied' ? update : create.result !== 'denied' ? create : (update ?? create);
  const target = input.distributionId
    ? `cloudfront:UpdateDistribution on ${distributionArn(input.partition, input.account, input.distributionId)} or cloudfront:CreateDistribution`
    : 'cloudfront:CreateDistribution';
  const finding = decisionFinding(decision, {
    input: 'deployer-policy',
    files: input.files,
    code: 'DEPLOYER_DISTRIBUTION',
    severity: 'error',
    needed: target,
    fix: input.distributionId
      ? `Allow "cloudfront:UpdateDistribution" on "${distributionArn(input.partition, input.account, input.distributionId)}" (CloudFront ARNs have no Region segment).`
      : 'Allow "cloudfront:CreateDistribution" (and "cloudfront:TagResource" if you tag it).',
    reference: '§10.3',
  });
  return finding ? [finding] : [];
}

/** §10.3: iam:PassRole on each execution role, for tools that create or update the function (warning). */
export function checkPassRole(input: DeployerInput): Finding[] {
  const findings: Finding[] = [];
  for (const roleArn of input.roleArns) {
    const decision = evaluate(
      input.policies,
      request('iam:PassRole', roleArn, [['iam:passedtoservice', 'lambda.amazonaws.com']]),
    );
    const finding = decisionFinding(decision, {
      input: 'deployer-policy',
      files: input.files,
      code: 'DEPLOYER_PASS_ROLE',
      severity: 'warning',
      needed: `iam:PassRole on ${roleArn} (iam:PassedToService = lambda.amazonaws.com)`,
      fix: `Allow "iam:PassRole" on "${roleArn}" with {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}; needed only when the deploying tool creates or updates the function.`,
      reference: '§10.3',
    });
    if (finding) findings.push(finding);
  }
  return findings;
}

/** All §10.3 requirements. */
export function checkDeployer(input: DeployerInput): Finding[] {
  return [
    ...input.versionArns.flatMap((arn) => checkFunctionPermissions(input, arn)),
    ...checkServiceLinkedRoles(input),
    ...checkDistributionPermission(input),
    ...checkPassRole(input),
  ];
}
