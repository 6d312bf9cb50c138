/**
 * Reads the files named on the `check` command line into a CheckInput. Every unreadable input throws
 * ConfigError naming the file and the JSON path (the CLI exits 2).
 */
import { readFile, stat } from 'node:fs/promises';
import { parseJsonText, readRawConfig } from '../config/index.js';
import { ConfigError } from '../event/errors.js';
import type { PackageInput } from './build-functions.js';
import { functionConfigFromJson } from './function-config.js';
import { policiesFromJson } from './policy-input.js';
import type { CheckInput } from './run-check.js';
import type { InputKind, Policy } from './types.js';

export interface CheckFiles {
  /** The config file; absent when the distribution comes from AWS or is not checked. */
  config?: string;
  deployerPolicy?: string[];
  permissionsBoundary?: string[];
  scp?: string[];
  trustPolicy?: string;
  executionRolePolicy?: string[];
  functionConfig?: string[];
  /** `FILE` or `NAME=FILE`. */
  package?: string[];
  accountId?: string;
  serviceLinkedRolesExist?: boolean;
  /** User or role to pick from get-account-authorization-details output. */
  principal?: string;
  /** Execution role to pick from authorization details given as --trust-policy / --execution-role-policy. */
  executionRole?: string;
  now?: Date;
}

export async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(file, '', code === 'ENOENT' ? 'file not found; check the path' : `cannot be read (${code ?? (err as Error).message})`);
  }
  // Issue 12: a syntax error names line and column, as for the config file.
  return parseJsonText(text, file);
}

async function readPolicies(files: string[] | undefined, kind: InputKind, principal: string | undefined, trust = false) {
  if (!files || files.length === 0) return undefined;
  const policies: Policy[] = [];
  const boundary: Policy[] = [];
  const missingManaged: string[] = [];
  let roleArn: string | undefined;
  for (const file of files) {
    const input = policiesFromJson(await readJson(file), file, { kind, principal, trust });
    policies.push(...input.policies);
    if (input.boundary) boundary.push(...input.boundary);
    missingManaged.push(...input.missingManaged);
    roleArn ??= input.roleArn;
  }
  return { policies, boundary, missingManaged, roleArn };
}

async function readPackage(spec: string): Promise<PackageInput> {
  const eq = spec.indexOf('=');
  const [name, file] = eq > 0 && !spec.slice(0, eq).includes('/') ? [spec.slice(0, eq), spec.slice(eq + 1)] : [undefined, spec];
  try {
    const s = await stat(file);
    return { file, bytes: s.size, function: name };
  } catch {
    throw new ConfigError(file, '', 'package file not found; give the .zip you deploy (--package FILE or --package NAME=FILE)');
  }
}

export async function loadCheckInput(files: CheckFiles): Promise<CheckInput> {
  const input: CheckInput = { accountId: files.accountId, serviceLinkedRolesExist: files.serviceLinkedRolesExist, now: files.now };
  if (files.config) {
    const raw = await readRawConfig(files.config);
    input.configFile = raw.file;
    input.distributionConfig = raw.distributionConfig;
    input.distributionId = raw.distributionId;
    input.configFunctions = raw.functions;
    input.configFunctionsFile = raw.file;
    if (raw.responseHeadersPolicies) input.responseHeadersPolicies = raw.responseHeadersPolicies;
    if (raw.distributionFile) {
      input.configFile = raw.distributionFile;
      input.distributionPath = 'DistributionConfig';
    }
  }
  const deployer = await readPolicies(files.deployerPolicy, 'deployer-policy', files.principal);
  if (deployer) {
    input.deployer = deployer.policies;
    input.missingManagedPolicies = deployer.missingManaged;
    if (deployer.boundary.length > 0) input.boundary = deployer.boundary;
  }
  const boundary = await readPolicies(files.permissionsBoundary, 'permissions-boundary', files.principal);
  if (boundary) input.boundary = [...(input.boundary ?? []), ...boundary.policies];
  const scp = await readPolicies(files.scp, 'scp', undefined);
  if (scp) input.scp = scp.policies;
  const trust = await readPolicies(files.trustPolicy ? [files.trustPolicy] : undefined, 'trust-policy', files.executionRole, true);
  if (trust) {
    input.trust = trust.policies;
    input.trustRoleArn = trust.roleArn;
  }
  const exec = await readPolicies(files.executionRolePolicy, 'execution-role-policy', files.executionRole);
  if (exec) input.executionRole = exec.policies;
  input.functionConfigs = [];
  for (const file of files.functionConfig ?? []) input.functionConfigs.push(functionConfigFromJson(await readJson(file), file));
  input.packages = [];
  for (const spec of files.package ?? []) input.packages.push(await readPackage(spec));
  return input;
}
