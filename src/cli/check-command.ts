/**
 * `edge-dev check` (interface.md "Commands", reference §10). Exit 0: nothing blocks the deploy; 1: an error
 * finding; 2: an input could not be read (the message names the file and the JSON path).
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import {
  loadCheckInput,
  minimalPolicies,
  parseLambdaArn,
  readFromAws,
  runCheck,
  toJson,
  toText,
  type CheckFiles,
  type CheckInput,
} from '../policy/index.js';

interface CheckFlags {
  config?: string;
  deployerPolicy: string[];
  permissionsBoundary: string[];
  scp: string[];
  trustPolicy?: string;
  executionRolePolicy: string[];
  functionConfig: string[];
  package: string[];
  accountId?: string;
  serviceLinkedRolesExist?: boolean;
  principal?: string;
  executionRole?: string;
  json?: boolean;
  printMinimalPolicy?: boolean;
  fromAws?: boolean;
  awsEndpoint?: string;
  distributionId?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function fail(message: string): void {
  process.stderr.write(`edge-dev check: ${message}\n`);
  process.exitCode = 2;
}

function printMinimal(input: CheckInput): void {
  const arns = new Set<string>();
  const items = (v: unknown): Record<string, unknown>[] =>
    Array.isArray((v as { Items?: unknown })?.Items) ? ((v as { Items: Record<string, unknown>[] }).Items) : [];
  const dc = input.distributionConfig ?? {};
  for (const b of [dc.DefaultCacheBehavior, ...items(dc.CacheBehaviors)]) {
    for (const a of items((b as Record<string, unknown> | undefined)?.LambdaFunctionAssociations)) {
      if (typeof a.LambdaFunctionARN === 'string') arns.add(a.LambdaFunctionARN);
    }
  }
  const parsed = [...arns].map((a) => parseLambdaArn(a)).find(Boolean);
  const account = input.accountId ?? parsed?.account;
  if (!account) {
    fail('--print-minimal-policy: no account id in the association ARNs; give --account-id');
    return;
  }
  const roleArns = [input.trustRoleArn, ...(input.functionConfigs ?? []).map((c) => c.raw.Role)].filter(
    (r): r is string => typeof r === 'string',
  );
  const out = minimalPolicies({
    partition: parsed?.partition ?? 'aws',
    account,
    versionArns: [...arns],
    distributionId: input.distributionConfig ? input.distributionId : undefined,
    roleArns,
  });
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

async function action(flags: CheckFlags): Promise<void> {
  const config = flags.config ?? (existsSync('edge-dev.config.json') ? 'edge-dev.config.json' : undefined);
  const files: CheckFiles = {
    config: flags.fromAws && !flags.config ? undefined : config,
    deployerPolicy: flags.deployerPolicy,
    permissionsBoundary: flags.permissionsBoundary,
    scp: flags.scp,
    trustPolicy: flags.trustPolicy,
    executionRolePolicy: flags.executionRolePolicy,
    functionConfig: flags.functionConfig,
    package: flags.package,
    accountId: flags.accountId,
    serviceLinkedRolesExist: flags.serviceLinkedRolesExist === true,
    principal: flags.principal,
    executionRole: flags.executionRole,
  };
  if (flags.accountId !== undefined && !/^\d{12}$/.test(flags.accountId)) {
    fail(`--account-id ${JSON.stringify(flags.accountId)} is not a 12-digit AWS account id`);
    return;
  }
  try {
    const input = await loadCheckInput(files);
    if (flags.fromAws) {
      const live = await readFromAws({
        endpoint: flags.awsEndpoint,
        distributionId: flags.distributionId ?? input.distributionId,
      });
      if (live.distributionConfig) {
        input.distributionConfig = live.distributionConfig;
        input.distributionPath = 'DistributionConfig';
        input.configFile = `aws:GetDistributionConfig ${flags.distributionId ?? input.distributionId}`;
        input.distributionId = flags.distributionId ?? input.distributionId;
      }
      input.functionConfigs = [...(input.functionConfigs ?? []), ...live.functionConfigs];
      if (live.trust && !input.trust) {
        input.trust = live.trust;
        input.trustRoleArn = live.trustRoleArn;
      }
    } else if (flags.distributionId) {
      input.distributionId = flags.distributionId;
    }
    if (flags.printMinimalPolicy) {
      printMinimal(input);
      return;
    }
    const result = runCheck(input);
    if (flags.json) process.stdout.write(toJson(result));
    else {
      const color = process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
      process.stdout.write(toText(result, { color, title: `edge-dev check${input.configFile ? `: ${input.configFile}` : ''}` }));
    }
    process.exitCode = result.ok ? 0 : 1;
  } catch (err) {
    const e = err as Error & { file?: string; field?: string };
    if (e.name === 'ConfigError') fail(e.message);
    else fail(`unexpected failure: ${e.stack ?? e.message}`);
  }
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('Pre-deploy check for Lambda@Edge: associations, function configuration, trust policy and deployer IAM permissions.')
    .option('--config <file>', 'config file (default: edge-dev.config.json in the working directory)')
    .option('--deployer-policy <file>', 'IAM policy of the deploying principal; also get-role-policy, get-policy-version or get-account-authorization-details output (repeatable)', collect, [])
    .option('--permissions-boundary <file>', "the deploying principal's permissions boundary (repeatable)", collect, [])
    .option('--scp <file>', 'a service control policy that applies to the account (repeatable)', collect, [])
    .option('--trust-policy <file>', "the execution role's trust policy, or aws iam get-role output")
    .option('--execution-role-policy <file>', "the execution role's permissions, for the logging check (repeatable)", collect, [])
    .option('--function-config <file>', 'aws lambda get-function-configuration output (repeatable; matched by ARN or name)', collect, [])
    .option('--package <file>', 'the deployment .zip, as FILE or NAME=FILE, for package-size limits (repeatable)', collect, [])
    .option('--account-id <id>', 'the AWS account id, when no ARN gives it')
    .option('--service-linked-roles-exist', 'the Lambda@Edge service-linked roles already exist in the account')
    .option('--principal <name>', 'user or role to check in get-account-authorization-details output')
    .option('--execution-role <name>', 'execution role to pick from get-account-authorization-details output')
    .option('--distribution-id <id>', 'the distribution Id (default: the config file\'s distributionId)')
    .option('--json', 'print { ok, findings } as JSON')
    .option('--print-minimal-policy', 'print the least-privilege deployer policy and trust policy, then exit')
    .option('--from-aws', 'read the distribution config, function configurations and trust policies from AWS')
    .option('--aws-endpoint <url>', 'endpoint for the AWS clients (tests: a loopback server)')
    .exitOverride((err) => {
      process.exit(err.code === 'commander.helpDisplayed' || err.code === 'commander.help' ? 0 : 2);
    })
    .action((flags: CheckFlags) => action(flags));
}
