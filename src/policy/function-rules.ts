/**
 * §10.1: restrictions on the function configuration (`aws lambda get-function-configuration`).
 * Each rule reads one field and returns at most one finding.
 */
import { judgeRuntime, supportedRuntimes } from './runtimes.js';
import { parseLambdaArn } from './arn.js';
import type { CheckedFunction, Finding, FunctionConfig } from './types.js';

type Raw = Record<string, unknown>;

function obj(value: unknown): Raw | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : undefined;
}

function nonEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  const o = obj(value);
  return o !== undefined && Object.keys(o).length > 0;
}

interface Ctx {
  cfg: FunctionConfig;
  /** What AWS names in its messages: the association ARN, or the configuration's FunctionArn. */
  arn: string;
  now: Date;
}

type Rule = (ctx: Ctx) => Omit<Finding, 'input' | 'file' | 'function' | 'reference'> & { field: string } | undefined;

const RULES: Rule[] = [
  // §10.1: no environment variables.
  ({ cfg, arn }) =>
    nonEmpty(obj(cfg.raw.Environment)?.Variables)
      ? {
          field: 'Environment.Variables',
          severity: 'error',
          code: 'FUNCTION_ENVIRONMENT_VARIABLES',
          message: `the function has environment variables (${Object.keys(obj(obj(cfg.raw.Environment)?.Variables) ?? {}).join(', ')})`,
          awsMessage: `The function cannot have environment variables. Function: ${arn}`,
          fix: 'Remove the variables; bake configuration into the package or read it at run time (e.g. from SSM in us-east-1).',
        }
      : undefined,
  // §10.1: no layers.
  ({ cfg, arn }) =>
    nonEmpty(cfg.raw.Layers)
      ? {
          field: 'Layers',
          severity: 'error',
          code: 'FUNCTION_LAYERS',
          message: 'the function uses Lambda layers',
          awsMessage: `The function cannot have a layer. Function: ${arn}`,
          fix: 'Bundle the layer contents into the deployment package and remove the layers.',
        }
      : undefined,
  // §10.1: no VPC.
  ({ cfg, arn }) => {
    const vpc = obj(cfg.raw.VpcConfig);
    return nonEmpty(vpc?.SubnetIds) || nonEmpty(vpc?.SecurityGroupIds)
      ? {
          field: 'VpcConfig',
          severity: 'error',
          code: 'FUNCTION_VPC',
          message: 'the function is attached to a VPC',
          awsMessage: `The function cannot have a VPC configuration. Function: ${arn}`,
          fix: 'Remove the VPC configuration (empty SubnetIds and SecurityGroupIds).',
        }
      : undefined;
  },
  // §10.1: x86_64 only (the AWS text is an issue title; exact wording unconfirmed).
  ({ cfg }) => {
    const archs = cfg.raw.Architectures;
    if (archs === undefined || (Array.isArray(archs) && archs.length === 1 && archs[0] === 'x86_64')) return undefined;
    return {
      field: 'Architectures',
      severity: 'error',
      code: 'FUNCTION_ARCHITECTURE',
      message: `the function's architecture is ${JSON.stringify(archs)}; Lambda@Edge supports only x86_64`,
      awsMessage: 'Lambda@Edge does not support functions with an architecture of arm64',
      fix: 'Set Architectures to ["x86_64"] and publish a new version.',
    };
  },
  // §10.1: .zip packages only.
  ({ cfg }) =>
    cfg.raw.PackageType !== undefined && cfg.raw.PackageType !== 'Zip'
      ? {
          field: 'PackageType',
          severity: 'error',
          code: 'FUNCTION_PACKAGE_TYPE',
          message: `the function is packaged as ${String(cfg.raw.PackageType)}; Lambda@Edge needs a .zip package`,
          fix: 'Deploy the function as a .zip file archive.',
        }
      : undefined,
  // §10.1: no dead-letter queue.
  ({ cfg }) =>
    typeof obj(cfg.raw.DeadLetterConfig)?.TargetArn === 'string'
      ? {
          field: 'DeadLetterConfig.TargetArn',
          severity: 'error',
          code: 'FUNCTION_DEAD_LETTER_QUEUE',
          message: 'the function has a dead-letter queue',
          fix: 'Remove DeadLetterConfig.',
        }
      : undefined,
  // §10.1: no active tracing.
  ({ cfg }) =>
    obj(cfg.raw.TracingConfig)?.Mode === 'Active'
      ? {
          field: 'TracingConfig.Mode',
          severity: 'error',
          code: 'FUNCTION_TRACING_ACTIVE',
          message: 'the function has X-Ray active tracing',
          fix: 'Set TracingConfig.Mode to PassThrough.',
        }
      : undefined,
  // §10.1 / §4: ephemeral storage ≤ 512 MB.
  ({ cfg }) => {
    const size = obj(cfg.raw.EphemeralStorage)?.Size;
    return typeof size === 'number' && size > 512
      ? {
          field: 'EphemeralStorage.Size',
          severity: 'error',
          code: 'FUNCTION_EPHEMERAL_STORAGE',
          message: `ephemeral storage is ${size} MB; Lambda@Edge allows at most 512 MB`,
          fix: 'Set EphemeralStorage.Size to 512.',
        }
      : undefined;
  },
  // §10.1: no customer managed KMS key for the .zip (field name inferred).
  ({ cfg }) =>
    typeof cfg.raw.SourceKMSKeyArn === 'string' && cfg.raw.SourceKMSKeyArn !== ''
      ? {
          field: 'SourceKMSKeyArn',
          severity: 'error',
          code: 'FUNCTION_CUSTOMER_KMS_KEY',
          message: 'the deployment package is encrypted with a customer managed KMS key',
          fix: 'Use the AWS owned key for the package.',
        }
      : undefined,
  // §10.1: runtime management mode Auto (when the input carries it).
  ({ cfg }) => {
    const mode = obj(cfg.raw.RuntimeManagementConfig)?.UpdateRuntimeOn;
    return mode !== undefined && mode !== 'Auto'
      ? {
          field: 'RuntimeManagementConfig.UpdateRuntimeOn',
          severity: 'error',
          code: 'FUNCTION_RUNTIME_MANAGEMENT',
          message: `runtime management mode is ${String(mode)}; Lambda@Edge needs Auto`,
          fix: 'aws lambda put-runtime-management-config --update-runtime-on Auto',
        }
      : undefined;
  },
  // §10.1: Node.js or Python runtime that Lambda has not deprecated.
  ({ cfg, arn, now }) => {
    const runtime = cfg.raw.Runtime;
    if (typeof runtime !== 'string') return undefined;
    const verdict = judgeRuntime(runtime, now);
    if (verdict.ok && !('warning' in verdict)) return undefined;
    if (verdict.ok) {
      return { field: 'Runtime', severity: 'warning', code: 'FUNCTION_RUNTIME_NOTICE', message: verdict.warning, fix: 'Move to a current runtime.' };
    }
    return {
      field: 'Runtime',
      severity: 'error',
      code: 'FUNCTION_RUNTIME_UNSUPPORTED',
      message: verdict.reason,
      awsMessage: `The function has a runtime that is not supported by Lambda@Edge: ${runtime} Function: ${arn} Supported runtimes: [${supportedRuntimes(now).join(', ')}]`,
      fix: `Use one of ${supportedRuntimes(now).join(', ')}.`,
    };
  },
  // §10.1: State Active.
  ({ cfg, arn }) =>
    cfg.raw.State !== undefined && cfg.raw.State !== 'Active'
      ? {
          field: 'State',
          severity: 'error',
          code: 'FUNCTION_STATE_NOT_ACTIVE',
          message: `the function's state is ${String(cfg.raw.State)}`,
          awsMessage: `The function must be in an Active state. The current state for function ${arn} is ${String(cfg.raw.State)}`,
          fix: 'Wait for the function to become Active (aws lambda wait function-active-v2) and fix any StateReasonCode.',
        }
      : undefined,
  // The configuration describes another version than the association: what it says may not hold.
  ({ cfg, arn }) => {
    const q = parseLambdaArn(arn)?.qualifier;
    return q !== undefined && cfg.version !== undefined && cfg.version !== q
      ? {
          field: 'Version',
          severity: 'warning',
          code: 'FUNCTION_CONFIG_VERSION_MISMATCH',
          message: `the configuration is for version ${cfg.version}, the association uses ${q}`,
          fix: `Run aws lambda get-function-configuration --function-name ${cfg.functionName} --qualifier ${q}.`,
        }
      : undefined;
  },
];

/** All configuration rules for one function. */
export function checkFunctionConfig(fn: CheckedFunction, now: Date): Finding[] {
  if (!fn.config) return [];
  const ctx: Ctx = { cfg: fn.config, arn: fn.associated ? fn.id : (fn.config.functionArn ?? fn.id), now };
  const out: Finding[] = [];
  for (const rule of RULES) {
    const r = rule(ctx);
    if (!r) continue;
    const { field, ...rest } = r;
    out.push({ ...rest, input: 'function-config', file: fn.config.file, statement: `${fn.config.prefix}${field}`, function: fn.id, reference: '§10.1' });
  }
  return out;
}
