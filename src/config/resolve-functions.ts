import type { LambdaEventType } from '../event/types.js';
import type { FunctionSpec } from '../runtime/types.js';
import type { EdgeSettings } from './types.js';
import type { AssociationDraft } from './compile-associations.js';
import { buildFunctionSpec, checkAssociationArn, checkFunctionLimits } from './build-function-spec.js';
import { compileFunctionEntry, findFunctionEntry, type FunctionEntry } from './compile-function-entry.js';
import { childLocation, fail, type Diagnostics, type JsonLocation } from './json-location.js';
import { parseLambdaArn } from './lambda-arn.js';

export interface ResolvedFunctions {
  /** By association ARN as written. */
  byArn: Map<string, FunctionSpec>;
  /** By `functions` key. */
  byKey: Map<string, FunctionSpec>;
  /** Handler modules, for reloads. */
  modulePaths: string[];
}

function noLocalCode(arn: string, loc: JsonLocation): never {
  const parsed = parseLambdaArn(arn);
  const keys = parsed ? [arn, parsed.unqualified, parsed.name] : [arn];
  return fail(
    childLocation(loc, 'LambdaFunctionARN'),
    `no local code for ${arn}: add a \`functions\` entry keyed by ${keys.map((k) => `"${k}"`).join(' or ')}, ` +
      'whose value is the handler module, e.g. "./handlers/auth.js#handler".',
  );
}

/**
 * interface.md `functions`: every entry is checked (handler file present), then each association ARN gets the
 * FunctionSpec of its most specific entry, with the timeout default of its strictest event type (D28).
 */
export function resolveFunctions(
  functions: Record<string, unknown>,
  functionsLoc: JsonLocation,
  associations: readonly AssociationDraft[],
  configFile: string,
  settings: EdgeSettings,
  diagnostics: Diagnostics,
): ResolvedFunctions {
  const entries = new Map<string, FunctionEntry>();
  for (const [key, value] of Object.entries(functions)) {
    entries.set(key, compileFunctionEntry(key, value, childLocation(functionsLoc, key), configFile, diagnostics));
  }

  const usage = new Map<string, { entry: FunctionEntry; types: Set<LambdaEventType>; loc: JsonLocation }>();
  for (const association of associations) {
    let use = usage.get(association.arn);
    if (!use) {
      const entry = findFunctionEntry(association.arn, entries) ?? noLocalCode(association.arn, association.loc);
      use = { entry, types: new Set(), loc: childLocation(association.loc, 'LambdaFunctionARN') };
      usage.set(association.arn, use);
      checkAssociationArn(association.arn, use.loc, diagnostics);
    }
    use.types.add(association.eventType);
  }

  const byArn = new Map<string, FunctionSpec>();
  const arnsByEntry = new Map<FunctionEntry, string[]>();
  for (const [arn, use] of usage) {
    const spec = buildFunctionSpec(arn, use.entry, use.types, settings);
    checkFunctionLimits(spec, use.types, use.entry.loc, diagnostics);
    byArn.set(arn, spec);
    arnsByEntry.set(use.entry, [...(arnsByEntry.get(use.entry) ?? []), arn]);
  }

  const byKey = new Map<string, FunctionSpec>();
  for (const [key, entry] of entries) {
    const arns = arnsByEntry.get(entry);
    if (arns?.length === 1) {
      byKey.set(key, byArn.get(arns[0]!)!);
      continue;
    }
    const types = new Set<LambdaEventType>();
    for (const arn of arns ?? []) for (const type of usage.get(arn)!.types) types.add(type);
    const spec = buildFunctionSpec(key, entry, types, settings);
    // D50: an entry no association uses is checked against the viewer limits.
    if (!arns) checkFunctionLimits(spec, types, entry.loc, diagnostics);
    byKey.set(key, spec);
  }
  return { byArn, byKey, modulePaths: [...new Set([...entries.values()].map((entry) => entry.modulePath))] };
}
