/**
 * dg:functions-event-structure "Duplicate query strings, headers, and cookies": how a returned `{ value, multiValue }`
 * map becomes values again. A changed `multiValue` wins; otherwise `value` replaces the first value and the rest stay.
 */
import type { FunctionSite } from './function-errors.js';
import { functionValidationError } from './function-errors.js';

export interface ResolvedValue {
  value: string;
  attributes?: string;
}

type Entry = { value?: unknown; attributes?: unknown; multiValue?: unknown };
const SOURCE = 'dg:functions-event-structure';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readValue(site: FunctionSite, field: string, item: unknown, withAttributes: boolean): ResolvedValue {
  if (!isRecord(item) || typeof item.value !== 'string') throw functionValidationError(site, field, 'each entry must be an object with a string `value`', SOURCE);
  if (item.attributes !== undefined && (!withAttributes || typeof item.attributes !== 'string')) {
    throw functionValidationError(site, `${field}.attributes`, withAttributes ? 'must be a string' : 'only response cookies have attributes', SOURCE);
  }
  return item.attributes === undefined ? { value: item.value } : { value: item.value, attributes: item.attributes as string };
}

function sameList(a: readonly ResolvedValue[], b: readonly ResolvedValue[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((x, i) => x.value === b[i]!.value && x.attributes === b[i]!.attributes);
}

/**
 * Name → values of a returned map, in the order the function left them. `seen` is the map the function was given.
 * Throws FunctionValidationError naming the field when the shape is wrong.
 */
export function resolveValueMap(
  site: FunctionSite,
  field: string,
  returned: unknown,
  seen: Readonly<Record<string, Entry>>,
  withAttributes = false,
): Map<string, ResolvedValue[]> {
  if (!isRecord(returned)) throw functionValidationError(site, field, 'must be an object of names to { value } objects', SOURCE);
  const out = new Map<string, ResolvedValue[]>();
  for (const name of Object.keys(returned)) {
    const entryField = `${field}[${JSON.stringify(name)}]`;
    const entry = returned[name] as Entry;
    const first = readValue(site, entryField, entry, withAttributes);
    const before = Object.hasOwn(seen, name) ? seen[name] : undefined;
    const beforeList = Array.isArray(before?.multiValue) ? (before.multiValue as ResolvedValue[]) : undefined;
    if (entry.multiValue !== undefined) {
      if (!Array.isArray(entry.multiValue)) throw functionValidationError(site, `${entryField}.multiValue`, 'must be an array of { value } objects', SOURCE);
      const list = entry.multiValue.map((item, i) => readValue(site, `${entryField}.multiValue[${i}]`, item, withAttributes));
      if (!sameList(list, beforeList)) {
        out.set(name, list);
        continue;
      }
    }
    out.set(name, [first, ...(beforeList?.slice(1) ?? [])]);
  }
  return out;
}
