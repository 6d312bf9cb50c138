/**
 * §10.7 item 5: IAM condition evaluation against the few keys the check knows. Anything it cannot know
 * yields `unknown` with the reason, so a statement depending on it is reported, never silently passed.
 */
import { globMatches } from './wildcard.js';
import type { ConditionEntry } from './types.js';

/** §10.7 item 5: the keys the checker can fill in for a deploy-time request. */
export const KNOWN_CONDITION_KEYS: ReadonlySet<string> = new Set([
  'iam:awsservicename',
  'iam:passedtoservice',
  'aws:requestedregion',
]);


export type ConditionResult = true | false | { unknown: string[] };

type Compare = (policyValue: string, requestValue: string) => boolean;

const COMPARE: Record<string, { cmp: Compare; negated: boolean }> = {
  stringequals: { cmp: (p, v) => p === v, negated: false },
  stringnotequals: { cmp: (p, v) => p === v, negated: true },
  stringequalsignorecase: { cmp: (p, v) => p.toLowerCase() === v.toLowerCase(), negated: false },
  stringnotequalsignorecase: { cmp: (p, v) => p.toLowerCase() === v.toLowerCase(), negated: true },
  stringlike: { cmp: (p, v) => globMatches(p, v), negated: false },
  stringnotlike: { cmp: (p, v) => globMatches(p, v), negated: true },
  arnequals: { cmp: (p, v) => globMatches(p, v), negated: false },
  arnlike: { cmp: (p, v) => globMatches(p, v), negated: false },
  arnnotequals: { cmp: (p, v) => globMatches(p, v), negated: true },
  arnnotlike: { cmp: (p, v) => globMatches(p, v), negated: true },
  bool: { cmp: (p, v) => p.toLowerCase() === v.toLowerCase(), negated: false },
};

function hasVariable(values: readonly string[]): boolean {
  return values.some((v) => v.includes('${'));
}

/** One key of one operator. */
export function evaluateCondition(
  entry: ConditionEntry,
  context: ReadonlyMap<string, readonly string[]>,
): ConditionResult {
  if (!KNOWN_CONDITION_KEYS.has(entry.lowerKey)) return { unknown: [entry.key] };
  if (hasVariable(entry.values)) return { unknown: [`${entry.key} (policy variable in the value)`] };
  const present = context.get(entry.lowerKey);
  const base = entry.base.toLowerCase();
  if (base === 'null') {
    // "true" means the key must be absent.
    const wantsAbsent = entry.values.some((v) => v.toLowerCase() === 'true');
    return wantsAbsent === (present === undefined);
  }
  const op = COMPARE[base];
  if (op === undefined) return { unknown: [`${entry.key} (operator ${entry.operator} not evaluated)`] };
  const matchesAny = (v: string): boolean => entry.values.some((p) => op.cmp(p, v));
  if (present === undefined || present.length === 0) {
    if (entry.set === 'ForAllValues') return true;
    if (entry.set === 'ForAnyValue') return false;
    return entry.ifExists || op.negated;
  }
  if (entry.set === 'ForAllValues') {
    return present.every((v) => (op.negated ? !matchesAny(v) : matchesAny(v)));
  }
  if (entry.set === 'ForAnyValue') {
    return present.some((v) => (op.negated ? !matchesAny(v) : matchesAny(v)));
  }
  const hit = present.some(matchesAny);
  return op.negated ? !hit : hit;
}

/** All operators and keys of a statement AND together; any false wins over unknown. */
export function evaluateConditions(
  entries: readonly ConditionEntry[],
  context: ReadonlyMap<string, readonly string[]>,
): ConditionResult {
  let unknown: string[] | undefined;
  for (const entry of entries) {
    const r = evaluateCondition(entry, context);
    if (r === false) return false;
    if (r !== true) (unknown ??= []).push(...r.unknown);
  }
  return unknown ? { unknown } : true;
}
