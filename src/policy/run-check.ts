/**
 * The pre-deploy check (§10): runs every rule on already-read inputs and returns the findings, plus the list
 * of what was not evaluated because its input was not given (those are notes, not findings).
 */
import { accountOf, functionNameOf, parseLambdaArn } from './arn.js';
import { checkAssociationArn, checkAssociationEvent, checkBehaviorAssociations } from './association-rules.js';
import { buildFunctions, configFunctionKey, type PackageInput } from './build-functions.js';
import { checkDeployer } from './deployer-rules.js';
import { readBehaviors } from './distribution-model.js';
import { checkFunctionLimits, type LimitValues } from './function-limits.js';
import { checkFunctionConfig } from './function-rules.js';
import { lintLeastPrivilege, lintSetOperators, lintUnknownActions } from './lint-policies.js';
import { checkExecutionRoleLogging } from './logging-rules.js';
import { checkTrustPolicy } from './trust-rules.js';
import { checkResponseHeadersPolicies } from './response-headers-rules.js';
import {
  checkCloudFrontFunctionAssociations,
  checkCloudFrontFunctionEntry,
  cloudFrontFunctionIdOf,
  cloudFrontFunctionIds,
  cloudFrontFunctionKeys,
} from './cloudfront-function-rules.js';
import type { CheckedFunction, Finding, FunctionConfig, Policy } from './types.js';

export interface CheckInput {
  /** The config file, for messages. */
  configFile?: string;
  distributionConfig?: Record<string, unknown>;
  /** JSON path of the DistributionConfig inside its file (default `distribution`). */
  distributionPath?: string;
  distributionId?: string;
  /** The config's `responseHeadersPolicies` object (issue 11). */
  responseHeadersPolicies?: Record<string, unknown>;
  /** The config's `functions` object. */
  configFunctions?: Record<string, unknown>;
  /** The file `configFunctions` came from (its code paths are relative to it). */
  configFunctionsFile?: string;
  deployer?: Policy[];
  boundary?: Policy[];
  scp?: Policy[];
  trust?: Policy[];
  /** From get-role output or authorization details. */
  trustRoleArn?: string;
  executionRole?: Policy[];
  functionConfigs?: FunctionConfig[];
  packages?: PackageInput[];
  accountId?: string;
  serviceLinkedRolesExist?: boolean;
  /** Managed policies attached to the principal that the input did not contain. */
  missingManagedPolicies?: string[];
  now?: Date;
}

export interface CheckResult {
  ok: boolean;
  findings: Finding[];
  notEvaluated: string[];
  /** The function ids the check looked at, in report order. */
  functions: string[];
}

function configLimits(fn: CheckedFunction, input: CheckInput): LimitValues {
  const values: LimitValues = {};
  const file = fn.config?.file;
  const raw = fn.config?.raw;
  if (raw && file) {
    const p = fn.config!.prefix;
    if (typeof raw.MemorySize === 'number') values.memorySize = { value: raw.MemorySize, input: 'function-config', file, field: `${p}MemorySize` };
    if (typeof raw.Timeout === 'number') values.timeout = { value: raw.Timeout, input: 'function-config', file, field: `${p}Timeout` };
    if (typeof raw.CodeSize === 'number') values.codeSize = { value: raw.CodeSize, input: 'function-config', file, field: `${p}CodeSize` };
  } else if (input.configFunctions && input.configFile) {
    const key = configFunctionKey(Object.keys(input.configFunctions), fn.id);
    const entry = key === undefined ? undefined : input.configFunctions[key];
    if (entry && typeof entry === 'object') {
      const e = entry as Record<string, unknown>;
      const field = (f: string): string => `functions[${JSON.stringify(key)}].${f}`;
      if (typeof e.memorySize === 'number') values.memorySize = { value: e.memorySize, input: 'config', file: input.configFile, field: field('memorySize') };
      if (typeof e.timeout === 'number') values.timeout = { value: e.timeout, input: 'config', file: input.configFile, field: field('timeout') };
    }
  }
  if (fn.packageBytes !== undefined && fn.packageFile) {
    values.codeSize = { value: fn.packageBytes, input: 'package', file: fn.packageFile, field: 'file size' };
  }
  return values;
}

export function runCheck(input: CheckInput): CheckResult {
  const now = input.now ?? new Date();
  const findings: Finding[] = [];
  const notEvaluated: string[] = [];
  const configFile = input.configFile ?? '(config)';

  const behaviors = input.distributionConfig ? readBehaviors(input.distributionConfig, configFile, input.distributionPath) : [];
  if (!input.distributionConfig) notEvaluated.push('associations (§10.1): no distribution config given');
  const configFunctions = input.configFunctions ?? {};
  const cloudFrontKeys = cloudFrontFunctionKeys(behaviors, configFunctions);
  const { functions, unmatchedPackages } = buildFunctions(
    behaviors,
    input.functionConfigs ?? [],
    input.packages ?? [],
    Object.keys(configFunctions).filter((key) => !cloudFrontKeys.includes(key)),
  );

  const accountId =
    input.accountId ??
    functions.map((f) => parseLambdaArn(f.id)?.account ?? (f.config?.functionArn ? accountOf(f.config.functionArn) : undefined)).find(Boolean) ??
    (input.trustRoleArn ? accountOf(input.trustRoleArn) : undefined);
  const partition = functions.map((f) => parseLambdaArn(f.id)?.partition).find(Boolean) ?? 'aws';

  // §10.1 associations.
  for (const b of behaviors) {
    findings.push(...checkBehaviorAssociations(b, configFile));
    for (const a of b.lambda) findings.push(...checkAssociationArn(a, configFile, input.accountId), ...checkAssociationEvent(a, configFile));
  }
  // §9 CloudFront Functions: associations and the config's entries.
  const cloudFrontIds = cloudFrontFunctionIds(behaviors, configFunctions);
  for (const b of behaviors) findings.push(...checkCloudFrontFunctionAssociations(b, configFile));
  for (const key of cloudFrontKeys) {
    findings.push(...checkCloudFrontFunctionEntry(key, configFunctions[key], cloudFrontFunctionIdOf(key, cloudFrontIds), input.configFunctionsFile ?? configFile));
  }
  // Issue 11: custom response headers policies as CreateResponseHeadersPolicy would take them.
  if (input.responseHeadersPolicies) findings.push(...checkResponseHeadersPolicies(input.responseHeadersPolicies, input.configFile ?? configFile));
  // §10.1 function configuration and §4 limits.
  for (const fn of functions) {
    if (!fn.config) notEvaluated.push(`function configuration of ${fn.id} (§10.1): no --function-config matches it`);
    findings.push(...checkFunctionConfig(fn, now), ...checkFunctionLimits(fn, configLimits(fn, input)));
    if (fn.packageBytes === undefined && !fn.config) notEvaluated.push(`package size of ${fn.id} (§4): no --package or CodeSize`);
  }
  for (const pkg of unmatchedPackages) notEvaluated.push(`package ${pkg.file}: matches no function (use --package NAME=FILE)`);
  if (functions.some((f) => f.config)) notEvaluated.push('provisioned concurrency (§10.1): not visible in get-function-configuration');

  // §10.2 trust policy.
  const roleArns = [
    ...new Set(
      [input.trustRoleArn, ...functions.map((f) => (typeof f.config?.raw.Role === 'string' ? f.config.raw.Role : undefined))].filter(
        (r): r is string => typeof r === 'string',
      ),
    ),
  ];
  if (input.trust) findings.push(...checkTrustPolicy(input.trust, input.trustRoleArn ?? roleArns[0]));
  else notEvaluated.push('execution role trust policy (§10.2): no --trust-policy given');

  // §10.3–§10.5 deployer permissions.
  if (input.deployer && accountId) {
    const versionArns = functions.filter((f) => f.associated && parseLambdaArn(f.id)?.qualifierKind === 'version').map((f) => f.id);
    findings.push(
      ...checkDeployer({
        policies: { identity: input.deployer, boundary: input.boundary, scp: input.scp },
        files: [...new Set(input.deployer.map((p) => p.file))],
        partition,
        account: accountId,
        distributionId: input.distributionId,
        versionArns,
        roleArns,
        serviceLinkedRolesExist: input.serviceLinkedRolesExist === true,
      }),
    );
    for (const p of input.deployer) findings.push(...lintLeastPrivilege(p));
  } else if (input.deployer) {
    notEvaluated.push('deployer permissions (§10.3): no account id known (give --account-id)');
  } else {
    notEvaluated.push('deployer permissions (§10.3): no --deployer-policy given');
  }
  if (input.deployer && !input.boundary) notEvaluated.push('permissions boundary: not given, not evaluated');
  if (input.deployer && !input.scp) notEvaluated.push('service control policies (SCPs): not given, not evaluated');
  for (const arn of input.missingManagedPolicies ?? []) {
    notEvaluated.push(`managed policy ${arn}: attached but not in the authorization details, not evaluated`);
  }
  for (const p of [...(input.deployer ?? []), ...(input.boundary ?? []), ...(input.scp ?? []), ...(input.executionRole ?? [])]) {
    findings.push(...lintUnknownActions(p), ...lintSetOperators(p));
  }

  // §10.6 execution role logging.
  if (input.executionRole && accountId) {
    const names = [...new Set(functions.map((f) => functionNameOf(f.id)))];
    for (const name of names) findings.push(...checkExecutionRoleLogging(input.executionRole, partition, accountId, name));
  } else if (!input.executionRole) {
    notEvaluated.push('execution role logging (§10.6): no --execution-role-policy given');
  }

  return {
    ok: !findings.some((f) => f.severity === 'error'),
    findings,
    notEvaluated,
    functions: [...functions.map((f) => f.id), ...cloudFrontIds],
  };
}
