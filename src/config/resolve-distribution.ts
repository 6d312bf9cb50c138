import { dirname, resolve } from 'node:path';
import { childLocation, fail, rootLocation, type JsonLocation } from './json-location.js';
import { readJsonFileSync } from './parse-json.js';
import { isObject, type JsonObject } from './read-fields.js';

/** The DistributionConfig, where it sits (for messages), and its own file when `distribution` was a path. */
export interface DistributionSource {
  config: JsonObject;
  loc: JsonLocation;
  file?: string;
}

const ACCEPTS =
  'give a DistributionConfig (with Origins and DefaultCacheBehavior), the whole output of ' +
  '`aws cloudfront get-distribution-config` (with ETag), or the path of a JSON file holding either';

function unwrap(value: unknown, loc: JsonLocation): DistributionSource {
  if (!isObject(value)) fail(loc, `expected an object: ${ACCEPTS}.`);
  if (isObject(value.DistributionConfig)) {
    return { config: value.DistributionConfig, loc: childLocation(loc, 'DistributionConfig') };
  }
  // `aws cloudfront get-distribution` output nests it one level deeper.
  if (isObject(value.Distribution) && isObject(value.Distribution.DistributionConfig)) {
    const distributionLoc = childLocation(loc, 'Distribution');
    return {
      config: value.Distribution.DistributionConfig,
      loc: childLocation(distributionLoc, 'DistributionConfig'),
    };
  }
  if ('Origins' in value || 'DefaultCacheBehavior' in value) return { config: value, loc };
  return fail(loc, `does not look like a distribution: ${ACCEPTS}.`);
}

/** interface.md `distribution`: an object, get-distribution-config output, or a path relative to the config file. */
export function resolveDistribution(value: unknown, loc: JsonLocation, configFile: string): DistributionSource {
  if (value === undefined) fail(loc, `is required: ${ACCEPTS}.`);
  if (typeof value === 'string') {
    if (value === '') fail(loc, `is an empty path: ${ACCEPTS}.`);
    const file = resolve(dirname(configFile), value);
    const json = readJsonFileSync(file, `the distribution file named by ${configFile}: ${loc.path}`);
    return { ...unwrap(json, rootLocation(file)), file };
  }
  return unwrap(value, loc);
}
