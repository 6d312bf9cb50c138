import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
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
import type { CheckFlags } from './check-command.js';
import { fromConfigFile } from './from-config-file.js';

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

/** `edge-dev check`: loads the inputs, runs the check, prints the report; exit code 0, 1 or 2. */
export async function runCheckCommand(flags: CheckFlags): Promise<void> {
  if (flags.from !== undefined && flags.config !== undefined) {
    fail('give either --from or --config, not both');
    return;
  }
  let config: string | undefined;
  try {
    config = flags.from !== undefined ? fromConfigFile({ from: flags.from, parameter: flags.parameter, var: flags.var }) : (flags.config ?? (existsSync('edge-dev.config.json') ? 'edge-dev.config.json' : undefined));
  } catch (err) {
    fail((err as Error).message);
    return;
  }
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
    // The report names the source, not the config file --from writes for it.
    if (flags.from !== undefined && input.configFile === config) input.configFile = resolve(flags.from);
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

