import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { checkUnknownKeys } from './check-unknown-keys.js';
import { childLocation, fail, rootLocation, type Diagnostics, type JsonLocation } from './json-location.js';
import { CONFIG_KEYS } from './raw-config.js';
import { expectObject, isObject, optionalString, requiredString, type JsonObject } from './read-fields.js';

const FROM_KEYS = ['path', 'stack', 'distribution', 'parameters', 'variables'];
// Maps whose entries the config file's own entries override one by one.
const MERGED_KEYS = ['functions', 'cachePolicies', 'originRequestPolicies', 'responseHeadersPolicies', 'keyValueStores'];

function stringMap(from: JsonObject, key: string, loc: JsonLocation): Record<string, string> | undefined {
  if (from[key] === undefined) return undefined;
  const map = expectObject(from[key], childLocation(loc, key), 'an object of names to string values');
  for (const [name, value] of Object.entries(map)) {
    if (typeof value !== 'string') fail(childLocation(childLocation(loc, key), name), 'expected a string value.');
  }
  return map as Record<string, string>;
}

/** The config JSON with `from` converted, the source files to watch, and the conversion's warnings. */
export interface ExpandedConfig {
  json: unknown;
  files: string[];
  warnings: string[];
}

/**
 * interface.md › Distributions from infrastructure code: `"from": { "path", "stack"?, "distribution"?, "parameters"?,
 * "variables"? }` converted in place of `distribution` at every load; entries the file gives beside it win. The
 * importers load only when a config uses `from`.
 */
export async function expandFrom(json: unknown, file: string): Promise<ExpandedConfig> {
  if (!isObject(json) || json.from === undefined) return { json, files: [], warnings: [] };
  const loc = childLocation(rootLocation(file), 'from');
  if (json.distribution !== undefined) fail(loc, 'give either "from" or "distribution", not both: remove one.');
  const diagnostics: Diagnostics = { warnings: [] };
  const from = typeof json.from === 'string' ? { path: json.from } : expectObject(json.from, loc, 'an object { "path": PATH, ... } or a path');
  checkUnknownKeys(from, FROM_KEYS, loc, diagnostics);
  const path = resolve(dirname(file), requiredString(from, 'path', loc, 'a template, cdk.out directory, Terraform directory, terraform show -json output or serverless.yml'));
  const options = {
    stack: optionalString(from, 'stack', loc),
    distribution: optionalString(from, 'distribution', loc),
    parameters: stringMap(from, 'parameters', loc),
    variables: stringMap(from, 'variables', loc),
    // Inline code goes to a directory of its own per source, stable across reloads.
    codeDir: join(tmpdir(), `edge-dev-from-${createHash('sha256').update(path).digest('hex').slice(0, 12)}`),
  };
  const { importSource } = await import('../sources/index.js');
  const result = await importSource(path, options);
  const { from: _from, ...given } = json;
  const merged: JsonObject = {};
  for (const [key, value] of Object.entries(result.config)) {
    // Only keys this config file accepts, and only non-empty maps.
    if ((CONFIG_KEYS as readonly string[]).includes(key) && !(isObject(value) && key !== 'distribution' && Object.keys(value).length === 0)) merged[key] = value;
  }
  for (const [key, value] of Object.entries(given)) {
    merged[key] = MERGED_KEYS.includes(key) && isObject(value) && isObject(merged[key]) ? { ...merged[key], ...value } : value;
  }
  return { json: merged, files: result.files, warnings: [...diagnostics.warnings, ...result.warnings] };
}
