import { randomBytes } from 'node:crypto';
import { basename, dirname, extname } from 'node:path';
import type { FunctionSpec } from './types.js';

// D47: replicas are named after the Region that holds the function.
export const REPLICA_PREFIX = 'us-east-1.';

/** §8.2: `YYYY/MM/DD/[<version>]<32 hex>`, one per environment. */
export function logStreamName(version: string, now: Date = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[${version}]${randomBytes(16).toString('hex')}`;
}

/** §8.2: `/aws/lambda/us-east-1.<function name>` (D47). */
export function logGroupName(spec: FunctionSpec): string {
  return `/aws/lambda/${REPLICA_PREFIX}${spec.name}`;
}

// §8.2 (D46): only Lambda's reserved variables (and the function's own credentials/Region), never the host's.
export function lambdaEnvironment(spec: FunctionSpec, streamName: string): Record<string, string> {
  const taskRoot = dirname(spec.modulePath);
  const file = basename(spec.modulePath, extname(spec.modulePath));
  return {
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
    NODE_PATH: taskRoot,
    ...spec.environment,
  };
}
