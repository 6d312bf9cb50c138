import { statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { checkUnknownKeys } from './check-unknown-keys.js';
import { childLocation, fail, type Diagnostics, type JsonLocation } from './json-location.js';
import { FUNCTION_NAME, parseLambdaArn } from './lambda-arn.js';
import { expectObject, optionalNumber, optionalString, requiredString } from './read-fields.js';
import { defaultRuntime } from '../runtime/index.js';

/** One `functions` entry of the config file, checked; FunctionSpecs are made from it per association ARN. */
export interface FunctionEntry {
  key: string;
  loc: JsonLocation;
  modulePath: string;
  exportName: string;
  runtime: string;
  memorySize: number;
  timeout?: number;
  concurrency?: number;
  environment?: Readonly<Record<string, string>>;
}

const MODULE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.py'];
const ENTRY_KEYS = ['handler', 'runtime', 'memorySize', 'timeout', 'concurrency', 'environment'];

function resolveHandler(spec: string, loc: JsonLocation, configFile: string): { modulePath: string; exportName: string } {
  const hash = spec.lastIndexOf('#');
  const path = hash === -1 ? spec : spec.slice(0, hash);
  const exportName = hash === -1 ? 'handler' : spec.slice(hash + 1);
  if (path === '' || exportName === '') fail(loc, `${JSON.stringify(spec)}: give "path/to/module.js" or "path/to/module.js#exportName".`);
  const modulePath = resolve(dirname(configFile), path);
  if (!MODULE_EXTENSIONS.includes(extname(modulePath))) {
    const lambdaStyle = /^(.*)\.([A-Za-z_$][\w$]*)$/.exec(path);
    const hint = lambdaStyle ? ` For Lambda's "file.export" style write "${lambdaStyle[1]}.js#${lambdaStyle[2]}".` : '';
    fail(loc, `${JSON.stringify(path)} is not a module path ending in ${MODULE_EXTENSIONS.join(', ')}.${hint}`);
  }
  let isFile = false;
  try {
    isFile = statSync(modulePath).isFile();
  } catch {
    fail(loc, `handler file ${modulePath} does not exist: fix the path (relative to the config file) or build the handler first.`);
  }
  if (!isFile) fail(loc, `handler ${modulePath} is not a file.`);
  return { modulePath, exportName };
}

function readEnvironment(value: unknown, loc: JsonLocation): Readonly<Record<string, string>> {
  const environment = expectObject(value, loc, 'an object of variable names to string values');
  for (const [name, entry] of Object.entries(environment)) {
    if (typeof entry !== 'string') fail(childLocation(loc, name), 'expected a string value.');
  }
  return Object.freeze({ ...(environment as Record<string, string>) });
}

/** interface.md `functions`: key = versioned ARN, unversioned ARN or bare name; value = module path or options. */
export function compileFunctionEntry(
  key: string,
  value: unknown,
  loc: JsonLocation,
  configFile: string,
  diagnostics: Diagnostics,
): FunctionEntry {
  if (!parseLambdaArn(key) && !FUNCTION_NAME.test(key)) {
    fail(loc, `the key ${JSON.stringify(key)} is neither a Lambda function ARN nor a function name; use e.g. "arn:aws:lambda:us-east-1:123456789012:function:auth:3" or "auth".`);
  }
  if (typeof value === 'string') {
    const handler = resolveHandler(value, loc, configFile);
    return { key, loc, ...handler, runtime: defaultRuntime(handler.modulePath), memorySize: 128 };
  }
  const options = expectObject(value, loc, 'a module path ("./auth.js#handler") or an object { "handler": ..., "timeout": ... }');
  checkUnknownKeys(options, ENTRY_KEYS, loc, diagnostics);
  const handlerLoc = childLocation(loc, 'handler');
  const handler = resolveHandler(requiredString(options, 'handler', loc, 'a module path like "./auth.js#handler"'), handlerLoc, configFile);
  const entry: FunctionEntry = {
    key,
    loc,
    ...handler,
    runtime: optionalString(options, 'runtime', loc) ?? defaultRuntime(handler.modulePath),
    memorySize: optionalNumber(options, 'memorySize', loc, { min: 128, max: 10_240 }) ?? 128,
  };
  // §8.4: Node.js handlers (.js, .mjs, .cjs, .ts) on nodejsNN.x, Python handlers (.py) on python3.N.
  const python = extname(handler.modulePath) === '.py';
  if (python ? !/^python3\.\d+$/.test(entry.runtime) : !/^nodejs\d+\.x$/.test(entry.runtime)) {
    const example = python ? 'python3.12' : 'nodejs20.x';
    fail(childLocation(loc, 'runtime'), `${JSON.stringify(entry.runtime)} does not run ${python ? 'a Python' : 'a Node.js'} handler; use e.g. "${example}".`);
  }
  const timeout = optionalNumber(options, 'timeout', loc, { min: 0.001, max: 900, integer: false });
  if (timeout !== undefined) entry.timeout = timeout;
  const concurrency = optionalNumber(options, 'concurrency', loc, { min: 1, max: 100_000 });
  if (concurrency !== undefined) entry.concurrency = concurrency;
  if (options.environment !== undefined) entry.environment = readEnvironment(options.environment, childLocation(loc, 'environment'));
  return entry;
}

/** The most specific entry for an association ARN: the ARN as written, then unversioned, then the bare name. */
export function findFunctionEntry(arn: string, entries: ReadonlyMap<string, FunctionEntry>): FunctionEntry | undefined {
  const exact = entries.get(arn);
  if (exact) return exact;
  const parsed = parseLambdaArn(arn);
  if (!parsed) return undefined;
  return entries.get(parsed.unqualified) ?? entries.get(parsed.name);
}
