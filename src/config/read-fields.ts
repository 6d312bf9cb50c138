/**
 * Typed readers for parsed JSON. Each names the JSON path and what the field accepts when the value is wrong,
 * so compile steps stay short and every message is alike.
 */
import { childLocation, fail, indexLocation, warn, type Diagnostics, type JsonLocation } from './json-location.js';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  return `${typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`}`;
}

export function expectObject(value: unknown, loc: JsonLocation, what = 'an object'): JsonObject {
  if (!isObject(value)) fail(loc, `expected ${what}, got ${describe(value)}.`);
  return value;
}

export function optionalString(obj: JsonObject, key: string, loc: JsonLocation): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(childLocation(loc, key), `expected a string, got ${describe(value)}.`);
  return value;
}

export function requiredString(obj: JsonObject, key: string, loc: JsonLocation, hint = ''): string {
  const value = optionalString(obj, key, loc);
  if (value === undefined || value === '') {
    fail(childLocation(loc, key), `is required: give a non-empty string${hint ? ` (${hint})` : ''}.`);
  }
  return value;
}

export function optionalBoolean(obj: JsonObject, key: string, loc: JsonLocation): boolean | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') fail(childLocation(loc, key), `expected true or false, got ${describe(value)}.`);
  return value;
}

export interface NumberRange {
  min: number;
  max: number;
  integer?: boolean;
}

/** Numbers may also be digit strings: the AWS CLI prints some (ResponseCode) as strings. */
export function optionalNumber(obj: JsonObject, key: string, loc: JsonLocation, range: NumberRange): number | undefined {
  let value = obj[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) value = Number(value);
  const integer = range.integer ?? true;
  const accepts = `${integer ? 'an integer' : 'a number'} from ${range.min} to ${range.max}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(childLocation(loc, key), `expected ${accepts}, got ${describe(value)}.`);
  }
  if ((integer && !Number.isInteger(value)) || value < range.min || value > range.max) {
    fail(childLocation(loc, key), `${value} is out of range: give ${accepts}.`);
  }
  return value;
}

export function oneOf<T extends string>(
  obj: JsonObject,
  key: string,
  loc: JsonLocation,
  allowed: readonly T[],
): T | undefined {
  const value = optionalString(obj, key, loc);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    fail(childLocation(loc, key), `${JSON.stringify(value)} is not valid: use one of ${allowed.map((a) => `"${a}"`).join(', ')}.`);
  }
  return value as T;
}

/**
 * The API's list shape `{ Quantity, Items }`. A missing list is empty. A Quantity that disagrees with Items is
 * rejected by CloudFront's API, not by the edge: a warning.
 */
export function listItems(
  obj: JsonObject,
  key: string,
  loc: JsonLocation,
  diagnostics: Diagnostics,
): Array<{ value: unknown; loc: JsonLocation }> {
  const listLoc = childLocation(loc, key);
  const raw = obj[key];
  if (raw === undefined || raw === null) return [];
  const list = expectObject(raw, listLoc, 'an object { "Quantity": n, "Items": [...] }');
  const itemsLoc = childLocation(listLoc, 'Items');
  const items = list.Items ?? [];
  if (!Array.isArray(items)) fail(itemsLoc, `expected an array, got ${describe(items)}.`);
  const quantity = list.Quantity;
  if (quantity !== undefined && quantity !== items.length) {
    warn(
      diagnostics,
      childLocation(listLoc, 'Quantity'),
      `is ${JSON.stringify(quantity)} but Items has ${items.length} entries; CloudFront's API rejects this at deploy time. ` +
        'Set Quantity to the number of Items (run `edge-dev check`).',
    );
  }
  return items.map((value, i) => ({ value, loc: indexLocation(itemsLoc, i) }));
}

/** `{ Quantity, Items: [string] }`. */
export function stringList(obj: JsonObject, key: string, loc: JsonLocation, diagnostics: Diagnostics): string[] {
  return listItems(obj, key, loc, diagnostics).map(({ value, loc: itemLoc }) => {
    if (typeof value !== 'string' || value === '') fail(itemLoc, `expected a non-empty string, got ${describe(value)}.`);
    return value;
  });
}
