/**
 * The one builder of a CloudFront Function spec, shared by the config (`serve`, `check`), `edge-dev invoke` and
 * `invokeFunction()`, so each refuses what publishing would refuse before the code runs (reference §9).
 */
import { readFileSync, statSync } from 'node:fs';
import type { CloudFrontFunctionSpec, FunctionRuntimeName, KeyValueStoreData } from '../functions/index.js';
import { KeyValueStoreError, readKeyValueStore } from '../functions/index.js';
import { readJsonFileSync } from './parse-json.js';
import { fail, rootLocation, type JsonLocation } from './json-location.js';

// dg:cloudfront-limits "Quotas on CloudFront Functions": function size 10 KB.
export const MAX_FUNCTION_CODE_BYTES = 10 * 1024;
const EXAMPLE_ACCOUNT = '123456789012';

export interface CloudFrontFunctionSource {
  name: string;
  /** Default: the function's ARN in AWS's example account. */
  arn?: string;
  runtime: FunctionRuntimeName;
  codePath: string;
  /** Where the code was named (the `functions` entry, the command line, the helper's argument), for messages. */
  codeLoc: JsonLocation;
  /** The key value store, read only once the runtime is known to allow it. */
  keyValueStore?: { loc: JsonLocation; read: () => KeyValueStoreData };
}

function readCode(path: string, loc: JsonLocation): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return fail(loc, `function code ${path} does not exist: fix the path (relative to the config file, or to the working directory on the command line).`);
  }
  if (size > MAX_FUNCTION_CODE_BYTES) {
    fail(loc, `${path} is ${size} bytes; a CloudFront Function's code may be at most ${MAX_FUNCTION_CODE_BYTES} bytes (10 KB, dg:cloudfront-limits). Make it smaller.`);
  }
  return readFileSync(path, 'utf8');
}

/** A key value store file (`{ "data": [{ "key", "value" }] }`); its errors name the file and the JSON path. */
export function readKeyValueStoreFile(path: string): KeyValueStoreData {
  const json = readJsonFileSync(path, 'the key value store file');
  try {
    return readKeyValueStore(json, path);
  } catch (error) {
    if (error instanceof KeyValueStoreError) fail(rootLocation(path, error.field), error.message);
    throw error;
  }
}

/** The spec, or a ConfigError naming where: code over 10 KB, a store on cloudfront-js-1.0. Loading the code is the caller's. */
export function buildCloudFrontFunctionSpec(source: CloudFrontFunctionSource): CloudFrontFunctionSpec {
  const { name, runtime, codePath } = source;
  const spec: CloudFrontFunctionSpec = { name, arn: source.arn ?? `arn:aws:cloudfront::${EXAMPLE_ACCOUNT}:function/${name}`, runtime, codePath, code: readCode(codePath, source.codeLoc) };
  if (source.keyValueStore) {
    // dg:kvs-with-functions: key value stores are read through the cloudfront module of cloudfront-js-2.0.
    if (runtime !== 'cloudfront-js-2.0') fail(source.keyValueStore.loc, 'needs the cloudfront-js-2.0 runtime; cloudfront-js-1.0 cannot read key value stores.');
    spec.keyValueStore = source.keyValueStore.read();
  }
  return spec;
}
