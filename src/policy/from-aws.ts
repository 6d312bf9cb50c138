/**
 * `check --from-aws`: reads the live distribution config, function configurations and execution role trust
 * policies with the standard credential chain. `endpoint` points all clients at one URL (tests use a loopback
 * server with recorded AWS responses).
 */
import { ConfigError } from '../event/errors.js';
import { parseLambdaArn } from './arn.js';
import { readBehaviors } from './distribution-model.js';
import { functionConfigFromJson } from './function-config.js';
import { policiesFromJson } from './policy-input.js';
import type { FunctionConfig, Policy } from './types.js';

export interface FromAwsOptions {
  endpoint?: string;
  distributionId?: string;
  /** Used when no distribution is fetched. */
  functionArns?: string[];
}

export interface FromAwsResult {
  distributionConfig?: Record<string, unknown>;
  functionConfigs: FunctionConfig[];
  trust?: Policy[];
  trustRoleArn?: string;
}

function plain(value: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  delete copy.$metadata;
  return copy;
}

async function call<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err as Error & { name?: string };
    throw new ConfigError(`aws:${what}`, '', `could not be read from AWS: ${e.name ?? 'Error'}: ${e.message}`);
  }
}

export async function readFromAws(options: FromAwsOptions): Promise<FromAwsResult> {
  // Loaded only here: the SDKs cost start-up time every other `check` run would pay.
  const { CloudFrontClient, GetDistributionConfigCommand } = await import('@aws-sdk/client-cloudfront');
  const { GetRoleCommand, IAMClient } = await import('@aws-sdk/client-iam');
  const { GetFunctionConfigurationCommand, LambdaClient } = await import('@aws-sdk/client-lambda');
  const common = { region: 'us-east-1', maxAttempts: 1, ...(options.endpoint ? { endpoint: options.endpoint } : {}) };
  const result: FromAwsResult = { functionConfigs: [] };
  let arns = options.functionArns ?? [];
  if (options.distributionId) {
    const cf = new CloudFrontClient(common);
    const out = await call(`GetDistributionConfig ${options.distributionId}`, () =>
      cf.send(new GetDistributionConfigCommand({ Id: options.distributionId })),
    );
    cf.destroy();
    result.distributionConfig = plain(out.DistributionConfig ?? {});
    arns = readBehaviors(result.distributionConfig, `aws:GetDistributionConfig ${options.distributionId}`, 'DistributionConfig')
      .flatMap((b) => b.lambda.map((a) => a.arn));
  }
  const lambda = new LambdaClient(common);
  const roles = new Set<string>();
  for (const arn of [...new Set(arns)]) {
    const parsed = parseLambdaArn(arn);
    const out = await call(`GetFunctionConfiguration ${arn}`, () =>
      lambda.send(
        new GetFunctionConfigurationCommand(
          parsed?.qualifier ? { FunctionName: parsed.unqualified, Qualifier: parsed.qualifier } : { FunctionName: arn },
        ),
      ),
    );
    const cfg = functionConfigFromJson(plain(out), `aws:GetFunctionConfiguration ${arn}`);
    result.functionConfigs.push(cfg);
    if (typeof cfg.raw.Role === 'string') roles.add(cfg.raw.Role);
  }
  lambda.destroy();
  if (roles.size > 0) {
    const iam = new IAMClient(common);
    result.trust = [];
    for (const roleArn of roles) {
      const roleName = roleArn.slice(roleArn.lastIndexOf('/') + 1);
      const out = await call(`GetRole ${roleName}`, () => iam.send(new GetRoleCommand({ RoleName: roleName })));
      // The IAM API returns the trust policy URL-encoded; policiesFromJson decodes it.
      const input = policiesFromJson({ Role: plain(out.Role ?? {}) }, `aws:GetRole ${roleName}`, { kind: 'trust-policy', trust: true });
      result.trust.push(...input.policies);
      result.trustRoleArn ??= input.roleArn ?? roleArn;
    }
    iam.destroy();
  }
  return result;
}
