import { childLocation, fail, type Diagnostics, type JsonLocation } from './json-location.js';
import { expectObject, oneOf, stringList } from './read-fields.js';

/** A policy's `HeadersConfig` / `CookiesConfig` / `QueryStringsConfig`: `{ <X>Behavior, <X>s: { Quantity, Items } }`. */
export function readPolicyList<B extends string>(
  parent: Record<string, unknown>,
  configKey: string,
  behaviorKey: string,
  listKey: string,
  behaviors: readonly B[],
  loc: JsonLocation,
  diagnostics: Diagnostics,
): { behavior: B; names: string[]; loc: JsonLocation } {
  const configLoc = childLocation(loc, configKey);
  const raw = parent[configKey];
  if (raw === undefined) fail(configLoc, `is required: give { "${behaviorKey}": ${behaviors.map((b) => `"${b}"`).join(' | ')} }.`);
  const config = expectObject(raw, configLoc);
  const behavior = oneOf(config, behaviorKey, configLoc, behaviors);
  if (behavior === undefined) fail(childLocation(configLoc, behaviorKey), `is required: use one of ${behaviors.join(', ')}.`);
  const names = stringList(config, listKey, configLoc, diagnostics);
  return { behavior, names, loc: childLocation(configLoc, listKey) };
}

/** Unwraps `{ CachePolicy: { CachePolicyConfig } }` / `{ CachePolicyConfig }` (get-cache-policy output) to the config. */
export function unwrapPolicyConfig(
  value: unknown,
  outer: string,
  inner: string,
  loc: JsonLocation,
): { config: Record<string, unknown>; loc: JsonLocation } {
  let config = expectObject(value, loc, `an object in the API's ${inner} shape`);
  let at = loc;
  const wrapped = config[outer];
  if (typeof wrapped === 'object' && wrapped !== null && !Array.isArray(wrapped)) {
    at = childLocation(at, outer);
    config = wrapped as Record<string, unknown>;
  }
  const direct = config[inner];
  if (typeof direct === 'object' && direct !== null && !Array.isArray(direct)) {
    at = childLocation(at, inner);
    config = direct as Record<string, unknown>;
  }
  return { config, loc: at };
}
