/**
 * Lambda function ARNs and the ARNs the deployer needs rights on (§10.3, §10.5).
 */

export interface LambdaArn {
  partition: string;
  region: string;
  account: string;
  name: string;
  qualifier?: string;
  /** §10.1 / §10.5: only a numbered version is deployable. */
  qualifierKind: 'version' | 'latest' | 'alias' | 'none';
  /** The ARN without qualifier. */
  unqualified: string;
}

const LAMBDA_ARN = /^arn:([a-z-]+):lambda:([a-z0-9-]+):(\d{12}):function:([A-Za-z0-9_-]+)(?::([^:]+))?$/;

export function parseLambdaArn(arn: string): LambdaArn | undefined {
  const m = LAMBDA_ARN.exec(arn);
  if (!m) return undefined;
  const [, partition, region, account, name, qualifier] = m as unknown as [string, string, string, string, string, string?];
  const qualifierKind =
    qualifier === undefined ? 'none' : qualifier === '$LATEST' ? 'latest' : /^\d+$/.test(qualifier) ? 'version' : 'alias';
  return {
    partition,
    region,
    account,
    name,
    qualifier,
    qualifierKind,
    unqualified: `arn:${partition}:lambda:${region}:${account}:function:${name}`,
  };
}

/** The function name in an ARN, or the input when it is already a name. */
export function functionNameOf(idOrArn: string): string {
  return parseLambdaArn(idOrArn)?.name ?? idOrArn;
}

/** §10.3: CloudFront ARNs have no Region segment. */
export function distributionArn(partition: string, account: string, distributionId: string): string {
  return `arn:${partition}:cloudfront::${account}:distribution/${distributionId}`;
}

/** §10.3: the two service-linked roles the first Lambda@Edge deployment in an account creates. */
export const SERVICE_LINKED_ROLES = [
  { service: 'replicator.lambda.amazonaws.com', role: 'AWSServiceRoleForLambdaReplicator' },
  { service: 'logger.cloudfront.amazonaws.com', role: 'AWSServiceRoleForCloudFrontLogger' },
] as const;

export function serviceLinkedRoleArn(partition: string, account: string, service: string, role: string): string {
  return `arn:${partition}:iam::${account}:role/aws-service-role/${service}/${role}`;
}

/** The account in any ARN (`arn:p:svc:region:account:…`). */
export function accountOf(arn: string): string | undefined {
  const parts = arn.split(':');
  return parts.length >= 6 && /^\d{12}$/.test(parts[4]!) ? parts[4] : undefined;
}
