/**
 * interface.md › CloudFront Functions: the `functions` entries that are CloudFront Functions (keyed by a FunctionARN or
 * by NAME, valued by a code path or `{ code, runtime, keyValueStore }`), checked as publishing would check them, and
 * resolved for each FunctionAssociation (reference §9).
 */
import { dirname, resolve } from 'node:path';
import { FUNCTION_RUNTIMES, FunctionCodeError, loadFunction } from '../functions/index.js';
import type { CloudFrontFunctionSpec, FunctionRuntimeName } from '../functions/index.js';
import { buildCloudFrontFunctionSpec, readKeyValueStoreFile } from './build-cloudfront-function-spec.js';
import type { FunctionAssociationDraft } from './compile-associations.js';
import { checkUnknownKeys } from './check-unknown-keys.js';
import { childLocation, fail, type Diagnostics, type JsonLocation } from './json-location.js';
import { isObject, oneOf, optionalString, requiredString } from './read-fields.js';

const FUNCTION_ARN = /^arn:aws[a-z-]*:cloudfront::(\d{12}):function\/([A-Za-z0-9_-]{1,64})$/;
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const ENTRY_KEYS = ['code', 'runtime', 'keyValueStore'];

/** The NAME of `arn:aws:cloudfront::ACCOUNT:function/NAME`, or undefined. */
export function cloudFrontFunctionName(arn: string): string | undefined {
  return FUNCTION_ARN.exec(arn)?.[2];
}

/** Which `functions` keys are CloudFront Functions: a FunctionARN key, a `{ code }` value, or a NAME an association uses. */
export function isCloudFrontFunctionEntry(key: string, value: unknown, associatedNames: ReadonlySet<string>): boolean {
  return FUNCTION_ARN.test(key) || (isObject(value) && 'code' in value) || associatedNames.has(key);
}

/** One entry, checked: the code loads in its runtime (syntax, handler, top level), the store is valid. */
export function compileCloudFrontFunctionEntry(key: string, value: unknown, arn: string | undefined, loc: JsonLocation, configFile: string, diagnostics: Diagnostics): CloudFrontFunctionSpec {
  const name = cloudFrontFunctionName(key) ?? key;
  if (!FUNCTION_NAME.test(name)) {
    fail(loc, `the key ${JSON.stringify(key)} is neither a CloudFront Function ARN nor a function name; use e.g. "arn:aws:cloudfront::123456789012:function/url-rewrite" or "url-rewrite".`);
  }
  const base = dirname(configFile);
  let codeLoc = loc;
  let codeText: string;
  let runtime: FunctionRuntimeName = 'cloudfront-js-2.0';
  let storePath: string | undefined;
  if (typeof value === 'string') {
    codeText = value;
  } else if (isObject(value)) {
    checkUnknownKeys(value, ENTRY_KEYS, loc, diagnostics);
    codeText = requiredString(value, 'code', loc, 'the path of the function code, e.g. "./functions/url-rewrite.js"');
    codeLoc = childLocation(loc, 'code');
    runtime = oneOf(value, 'runtime', loc, FUNCTION_RUNTIMES) ?? runtime;
    storePath = optionalString(value, 'keyValueStore', loc);
  } else {
    return fail(loc, 'expected the path of the function code or { "code": PATH, "runtime": "cloudfront-js-2.0", "keyValueStore": PATH }.');
  }
  const codePath = resolve(base, codeText);
  const spec = buildCloudFrontFunctionSpec({
    name,
    arn: arn ?? (FUNCTION_ARN.test(key) ? key : undefined),
    runtime,
    codePath,
    codeLoc,
    keyValueStore: storePath === undefined ? undefined : { loc: childLocation(loc, 'keyValueStore'), read: () => readKeyValueStoreFile(resolve(base, storePath)) },
  });
  try {
    loadFunction(spec);
  } catch (error) {
    if (error instanceof FunctionCodeError) fail(codeLoc, `${codePath} ${error.message} (${runtime}, reference §9)`);
    throw error;
  }
  return Object.freeze(spec);
}

/** The function of each association: the entry keyed by its FunctionARN, else by its NAME. */
export function resolveCloudFrontFunctions(
  entries: Readonly<Record<string, unknown>>,
  functionsLoc: JsonLocation,
  associations: readonly FunctionAssociationDraft[],
  configFile: string,
  diagnostics: Diagnostics,
): { byArn: Map<string, CloudFrontFunctionSpec>; byName: Map<string, CloudFrontFunctionSpec>; files: string[] } {
  const byKey = new Map<string, CloudFrontFunctionSpec>();
  const arnOf = new Map<string, string>();
  for (const { arn } of associations) {
    const name = cloudFrontFunctionName(arn);
    if (name && !arnOf.has(name)) arnOf.set(name, arn);
  }
  for (const [key, value] of Object.entries(entries)) {
    const name = cloudFrontFunctionName(key) ?? key;
    byKey.set(key, compileCloudFrontFunctionEntry(key, value, arnOf.get(name), childLocation(functionsLoc, key), configFile, diagnostics));
  }
  const byArn = new Map<string, CloudFrontFunctionSpec>();
  for (const association of associations) {
    const arnLoc = childLocation(association.loc, 'FunctionARN');
    const name = cloudFrontFunctionName(association.arn);
    if (!name) fail(arnLoc, `${JSON.stringify(association.arn)} is not a CloudFront Function ARN; use arn:aws:cloudfront::ACCOUNT:function/NAME.`);
    const spec = byKey.get(association.arn) ?? byKey.get(name);
    if (!spec) {
      fail(arnLoc, `no local code for ${association.arn}: add a \`functions\` entry keyed by "${association.arn}" or "${name}" whose value is the code path or { "code": PATH, "runtime": "cloudfront-js-2.0" }.`);
    }
    byArn.set(association.arn, spec);
  }
  const byName = new Map([...byKey.values()].map((spec) => [spec.name, spec]));
  const files = [...byKey.values()].flatMap((spec) => [spec.codePath, ...(spec.keyValueStore ? [spec.keyValueStore.file] : [])]);
  return { byArn, byName, files };
}
