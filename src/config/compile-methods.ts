import { childLocation, fail, warn, type Diagnostics, type JsonLocation } from './json-location.js';
import { expectObject, listItems, type JsonObject } from './read-fields.js';

const KNOWN = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'];
// §7.2: the only combinations CloudFront offers.
const ALLOWED_SETS = ['GET,HEAD', 'GET,HEAD,OPTIONS', 'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT'];
const CACHED_SETS = ['GET,HEAD', 'GET,HEAD,OPTIONS'];
const GET_HEAD: ReadonlySet<string> = new Set(['GET', 'HEAD']);

function readMethods(obj: JsonObject, key: string, loc: JsonLocation, diagnostics: Diagnostics): Set<string> {
  const methods = new Set<string>();
  for (const item of listItems(obj, key, loc, diagnostics)) {
    const method = typeof item.value === 'string' ? item.value.toUpperCase() : '';
    if (!KNOWN.includes(method)) fail(item.loc, `${JSON.stringify(item.value)} is not a method CloudFront knows: use ${KNOWN.join(', ')}.`);
    methods.add(method);
  }
  return methods;
}

function key(methods: ReadonlySet<string>): string {
  return [...methods].sort().join(',');
}

/**
 * §7.2: `AllowedMethods` and `CachedMethods` as upper-case sets (default GET, HEAD). Other combinations than
 * CloudFront's three (two) are rejected by its API at deploy time: warnings.
 */
export function compileMethods(
  behavior: JsonObject,
  loc: JsonLocation,
  diagnostics: Diagnostics,
): { allowedMethods: ReadonlySet<string>; cachedMethods: ReadonlySet<string> } {
  if (behavior.AllowedMethods === undefined) return { allowedMethods: GET_HEAD, cachedMethods: GET_HEAD };
  const allowedLoc = childLocation(loc, 'AllowedMethods');
  const allowedConfig = expectObject(behavior.AllowedMethods, allowedLoc);
  const allowed = readMethods(behavior, 'AllowedMethods', loc, diagnostics);
  const cached = allowedConfig.CachedMethods === undefined ? new Set(GET_HEAD) : readMethods(allowedConfig, 'CachedMethods', allowedLoc, diagnostics);
  if (!ALLOWED_SETS.includes(key(allowed))) {
    warn(diagnostics, allowedLoc, `${[...allowed].join(', ')} is not a combination CloudFront offers (GET, HEAD | GET, HEAD, OPTIONS | all seven); run \`edge-dev check\`.`);
  }
  for (const method of cached) {
    if (!allowed.has(method)) fail(childLocation(allowedLoc, 'CachedMethods'), `${method} is cached but not allowed; add it to AllowedMethods or remove it.`);
  }
  if (!CACHED_SETS.includes(key(cached))) {
    warn(diagnostics, childLocation(allowedLoc, 'CachedMethods'), 'must be GET, HEAD or GET, HEAD, OPTIONS (reference §7.2); run `edge-dev check`.');
  }
  return { allowedMethods: allowed, cachedMethods: cached };
}
