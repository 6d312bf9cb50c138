import { randomBytes } from 'node:crypto';
import { extname, relative } from 'node:path';
import { packageRoot } from './package-root.js';
import type { FunctionSpec } from './types.js';

// D47: replicas are named after the Region that holds the function.
export const REPLICA_PREFIX = 'us-east-1.';

/**
 * D46 (issue 14): Lambda gives every environment its execution role's credentials in these variables; a function
 * with none configured gets obviously fake ones, so an AWS SDK finds credentials at once and never falls back to
 * the instance metadata service (169.254.169.254) of the developer's machine or CI runner.
 */
export const LOCAL_CREDENTIALS: Readonly<Record<string, string>> = Object.freeze({
  AWS_ACCESS_KEY_ID: 'ASIAEDGEDEVLOCAL0000',
  AWS_SECRET_ACCESS_KEY: 'edge-dev-local-fake-secret-access-key-0000',
  AWS_SESSION_TOKEN: 'edge-dev-local-fake-session-token',
});

/** §8.2: `YYYY/MM/DD/[<version>]<32 hex>`, one per environment. */
export function logStreamName(version: string, now: Date = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[${version}]${randomBytes(16).toString('hex')}`;
}

/** §8.2: `/aws/lambda/us-east-1.<function name>` (D47). */
export function logGroupName(spec: FunctionSpec): string {
  return `/aws/lambda/${REPLICA_PREFIX}${spec.name}`;
}

/**
 * §8.2 (D46): an environment process's whole environment: Lambda's reserved variables, credentials (the function's
 * own or LOCAL_CREDENTIALS) and its own TMPDIR; never the host's.
 */
export function lambdaEnvironment(spec: FunctionSpec, streamName: string, tmpDir?: string): Record<string, string> {
  const taskRoot = packageRoot(spec.modulePath);
  // §8.2: `_HANDLER` is the module path relative to the task root, without extension, then the export.
  const file = relative(taskRoot, spec.modulePath).slice(0, -extname(spec.modulePath).length || undefined);
  const env: Record<string, string> = {
    _HANDLER: `${file}.${spec.exportName}`,
    AWS_REGION: spec.region,
    AWS_DEFAULT_REGION: spec.region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${spec.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: `${REPLICA_PREFIX}${spec.name}`,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memorySize),
    AWS_LAMBDA_FUNCTION_VERSION: spec.version,
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: logGroupName(spec),
    AWS_LAMBDA_LOG_STREAM_NAME: streamName,
    LAMBDA_TASK_ROOT: taskRoot,
    LAMBDA_RUNTIME_DIR: '/var/runtime',
    TZ: ':UTC',
    LANG: 'en_US.UTF-8',
    PATH: '/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin',
    ...(spec.runtime.startsWith('python') ? {} : { NODE_PATH: taskRoot }),
    ...(spec.environment?.AWS_ACCESS_KEY_ID === undefined ? LOCAL_CREDENTIALS : {}),
    ...spec.environment,
  };
  if (tmpDir !== undefined) env.TMPDIR = tmpDir;
  return env;
}
