/**
 * Which functions the check looks at: every associated ARN (with its event types), plus function
 * configurations, packages and config `functions` entries that match no association (checked as viewer, D50).
 */
import type { LambdaEventType } from '../event/types.js';
import { functionNameOf, parseLambdaArn } from './arn.js';
import { findFunctionConfig } from './function-config.js';
import type { BehaviorRef, CheckedFunction, FunctionConfig } from './types.js';

const VIEWER: LambdaEventType[] = ['viewer-request', 'viewer-response'];

export interface PackageInput {
  file: string;
  bytes: number;
  /** Function name or ARN given as `NAME=FILE`. */
  function?: string;
}

function sameFunction(a: string, b: string): boolean {
  return functionNameOf(a) === functionNameOf(b);
}

function packageName(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  return base.replace(/\.zip$/i, '');
}

export function buildFunctions(
  behaviors: readonly BehaviorRef[],
  configs: readonly FunctionConfig[],
  packages: readonly PackageInput[],
  configFunctionKeys: readonly string[],
): { functions: CheckedFunction[]; unmatchedPackages: PackageInput[] } {
  const byArn = new Map<string, CheckedFunction>();
  for (const b of behaviors) {
    for (const a of b.lambda) {
      let fn = byArn.get(a.arn);
      if (!fn) {
        fn = { id: a.arn, associations: [], eventTypes: [], associated: true };
        byArn.set(a.arn, fn);
      }
      fn.associations.push(a);
      if (!fn.eventTypes.includes(a.eventType as LambdaEventType)) fn.eventTypes.push(a.eventType as LambdaEventType);
    }
  }
  const functions = [...byArn.values()];
  for (const fn of functions) fn.config = findFunctionConfig(configs, fn.id);
  for (const cfg of configs) {
    if (functions.some((f) => f.config === cfg)) continue;
    functions.push({ id: cfg.functionArn ?? cfg.functionName, associations: [], eventTypes: [...VIEWER], associated: false, config: cfg });
  }
  for (const key of configFunctionKeys) {
    if (functions.some((f) => f.id === key || sameFunction(f.id, key))) continue;
    functions.push({ id: key, associations: [], eventTypes: [...VIEWER], associated: false });
  }
  const unmatchedPackages: PackageInput[] = [];
  for (const pkg of packages) {
    const wanted = pkg.function ?? packageName(pkg.file);
    const targets = functions.filter((f) => f.id === wanted || sameFunction(f.id, wanted));
    const chosen = targets.length > 0 ? targets : pkg.function === undefined && functions.length === 1 ? functions : [];
    if (chosen.length === 0) unmatchedPackages.push(pkg);
    for (const f of chosen) {
      f.packageBytes = pkg.bytes;
      f.packageFile = pkg.file;
    }
  }
  return { functions, unmatchedPackages };
}

/** The `functions` key of the config that serves an ARN: exact, then unversioned ARN, then name (interface.md). */
export function configFunctionKey(keys: readonly string[], arn: string): string | undefined {
  if (keys.includes(arn)) return arn;
  const parsed = parseLambdaArn(arn);
  if (parsed && keys.includes(parsed.unqualified)) return parsed.unqualified;
  const name = functionNameOf(arn);
  return keys.includes(name) ? name : undefined;
}
