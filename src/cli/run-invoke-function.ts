/**
 * `edge-dev invoke` for a CloudFront Function (interface.md › CloudFront Functions): one run on a CloudFront Functions
 * event through the same runtime and validation as `serve`; prints what the function returned.
 */
import { existsSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { ConfigError } from '../event/index.js';
import { buildCloudFrontFunctionSpec, loadConfig, readKeyValueStoreFile, rootLocation } from '../config/index.js';
import { FUNCTION_RUNTIMES, FunctionCodeError, testFunction } from '../functions/index.js';
import type { CloudFrontFunctionSpec, FunctionEvent, FunctionRuntimeName } from '../functions/index.js';
import type { InvokeFlags } from './invoke-command.js';

/** Whether an event is a CloudFront Functions event (`version: "1.0"` with a `context`) rather than a Lambda@Edge one. */
export function isFunctionEvent(event: unknown): event is FunctionEvent {
  const candidate = event as FunctionEvent | null;
  return candidate?.version === '1.0' && typeof candidate.context === 'object' && candidate.context !== null;
}

function specFromPath(path: string, flags: InvokeFlags): CloudFrontFunctionSpec {
  const runtime = (flags.runtime ?? 'cloudfront-js-2.0') as FunctionRuntimeName;
  if (!FUNCTION_RUNTIMES.includes(runtime)) throw new ConfigError('command line', '--runtime', `"${runtime}" is not ${FUNCTION_RUNTIMES.join(' or ')}`);
  const codePath = resolve(path);
  const kvs = flags.kvs;
  return buildCloudFrontFunctionSpec({
    name: basename(codePath, extname(codePath)),
    runtime,
    codePath,
    codeLoc: rootLocation('command line', 'NAME|PATH'),
    keyValueStore: kvs === undefined ? undefined : { loc: rootLocation('command line', '--kvs'), read: () => readKeyValueStoreFile(resolve(kvs)) },
  });
}


async function resolveSpec(name: string, flags: InvokeFlags): Promise<CloudFrontFunctionSpec> {
  if (existsSync(name)) return specFromPath(name, flags);
  const file = flags.config ?? (existsSync('edge-dev.config.json') ? 'edge-dev.config.json' : undefined);
  if (!file) throw new ConfigError(name, '', 'no such function file and no config naming it: give the code path or --config');
  const { distribution } = await loadConfig(file);
  const spec = distribution.cloudFrontFunctions?.get(name.replace(/^arn:aws:cloudfront::\d{12}:function\//, ''));
  if (!spec) {
    const known = [...(distribution.cloudFrontFunctions?.keys() ?? [])].join(', ');
    throw new ConfigError(file, 'functions', `no CloudFront Function "${name}" (known: ${known || 'none'}); or give the code path`);
  }
  return spec;
}

/** Runs the function; exit 0 with the returned object on stdout, 1 with CloudFront's error kind on stderr. */
export async function runInvokeFunction(name: string, event: FunctionEvent, flags: InvokeFlags): Promise<void> {
  const spec = await resolveSpec(name, flags);
  let result;
  try {
    result = testFunction(spec, event);
  } catch (error) {
    if (!(error instanceof FunctionCodeError)) throw error;
    process.stderr.write(`${spec.codePath} ${error.message}\n`);
    process.exitCode = 1;
    return;
  }
  for (const line of result.logs) process.stderr.write(`${line}\n`);
  for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
  process.stderr.write(`ComputeUtilization: ${result.computeUtilization}\n`);
  if (result.error) {
    process.stderr.write(`${result.error.kind} (CloudFront answers ${result.error.status}): ${result.error.message}\n`);
    if (result.error.detail) process.stderr.write(`  ${result.error.detail}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`${JSON.stringify(result.output?.request ?? result.output?.response, null, 2)}\n`);
}
