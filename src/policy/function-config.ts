/**
 * Reads `aws lambda get-function-configuration` output (also `get-function`, whose `Configuration` holds it)
 * and maps configurations to associations by ARN or name.
 */
import { ConfigError } from '../event/errors.js';
import { parseLambdaArn } from './arn.js';
import type { FunctionConfig } from './types.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function functionConfigFromJson(json: unknown, file: string): FunctionConfig {
  if (!isObject(json)) throw new ConfigError(file, '', 'must be the JSON object printed by aws lambda get-function-configuration');
  let raw = json;
  let prefix = '';
  if (isObject(json.Configuration)) {
    raw = { ...json.Configuration };
    prefix = 'Configuration.';
    // get-function puts the code's KMS key next to the configuration.
    if (isObject(json.Code) && typeof json.Code.SourceKMSKeyArn === 'string') raw.SourceKMSKeyArn = json.Code.SourceKMSKeyArn;
  }
  if (typeof raw.FunctionName !== 'string' || raw.FunctionName === '') {
    throw new ConfigError(file, `${prefix}FunctionName`, 'is missing; give the output of aws lambda get-function-configuration --function-name NAME --qualifier VERSION');
  }
  for (const [field, type] of [['MemorySize', 'number'], ['Timeout', 'number'], ['CodeSize', 'number'], ['Runtime', 'string']] as const) {
    if (raw[field] !== undefined && typeof raw[field] !== type) {
      throw new ConfigError(file, `${prefix}${field}`, `must be a ${type}; got ${JSON.stringify(raw[field])}`);
    }
  }
  return {
    file,
    prefix,
    raw,
    functionName: raw.FunctionName,
    functionArn: typeof raw.FunctionArn === 'string' ? raw.FunctionArn : undefined,
    version: typeof raw.Version === 'string' ? raw.Version : undefined,
  };
}

/**
 * The configuration for an association ARN: an exact FunctionArn match first, then the same function name
 * with the same version, then the same function name.
 */
export function findFunctionConfig(configs: readonly FunctionConfig[], arnOrName: string): FunctionConfig | undefined {
  const exact = configs.find((c) => c.functionArn === arnOrName);
  if (exact) return exact;
  const parsed = parseLambdaArn(arnOrName);
  const name = parsed?.name ?? arnOrName;
  const sameName = configs.filter((c) => c.functionName === name || (c.functionArn && parseLambdaArn(c.functionArn)?.name === name));
  return sameName.find((c) => parsed?.qualifier !== undefined && c.version === parsed.qualifier) ?? sameName[0];
}
