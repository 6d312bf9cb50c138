import { checkUnknownKeys } from './check-unknown-keys.js';
import { childLocation, fail, rootLocation, type Diagnostics, type JsonLocation } from './json-location.js';
import { expectObject, optionalString, type JsonObject } from './read-fields.js';
import { resolveDistribution, type DistributionSource } from './resolve-distribution.js';

/** interface.md defaults: fixed, CloudFront-looking values. */
export const DEFAULT_DISTRIBUTION_ID = 'EDFDVBD6EXAMPLE';
export const DEFAULT_DOMAIN_NAME = 'd111111abcdef8.cloudfront.net';

export const CONFIG_KEYS = [
  '$schema',
  'distribution',
  'from',
  'functions',
  'origins',
  'cachePolicies',
  'originRequestPolicies',
  'responseHeadersPolicies',
  'publicKeys',
  'keyGroups',
  'distributionId',
  'domainName',
  'settings',
] as const;

/** What `edge-dev check` needs from the config file, without requiring local handler code or origins. */
export interface RawConfig {
  file: string;
  /** The DistributionConfig in the API's JSON shape (unwrapped from get-distribution-config output or a path). */
  distributionConfig: Record<string, unknown>;
  distributionId: string;
  domainName: string;
  /** The `functions` object as written (keys are ARNs or names). */
  functions: Record<string, unknown>;
  /** The `responseHeadersPolicies` object as written (issue 11: `check` validates it as the API would). */
  responseHeadersPolicies?: Record<string, unknown>;
  /** The separate distribution JSON file, when `distribution` was a path. */
  distributionFile?: string;
  /** Unknown keys and the like, each naming file and JSON path. */
  warnings?: string[];
}

/** The parsed config split into its parts, with locations for the compile steps' messages. */
export interface RawParts {
  raw: RawConfig;
  json: JsonObject;
  root: JsonLocation;
  distribution: DistributionSource;
}

function readId(json: JsonObject, key: string, root: JsonLocation, pattern: RegExp, accepts: string, fallback: string): string {
  const value = optionalString(json, key, root);
  if (value === undefined) return fallback;
  if (!pattern.test(value)) fail(childLocation(root, key), `${JSON.stringify(value)} is not valid: give ${accepts}.`);
  return value;
}

/** Checks the top level of the config file and unwraps the distribution (reading its file when given a path). */
export function readRawParts(json: unknown, file: string, diagnostics: Diagnostics): RawParts {
  const root = rootLocation(file);
  const config = expectObject(json, root, 'a JSON object with a "distribution" key (interface.md "Configuration file")');
  checkUnknownKeys(config, CONFIG_KEYS, root, diagnostics);
  const distribution = resolveDistribution(config.distribution, childLocation(root, 'distribution'), file);
  const functions =
    config.functions === undefined
      ? {}
      : expectObject(config.functions, childLocation(root, 'functions'), 'an object mapping function ARNs or names to handler modules');
  const raw: RawConfig = {
    file,
    distributionConfig: distribution.config,
    distributionId: readId(
      config,
      'distributionId',
      root,
      /^[A-Za-z0-9_-]{1,128}$/,
      'letters and digits, like "EDFDVBD6EXAMPLE"',
      DEFAULT_DISTRIBUTION_ID,
    ),
    domainName: readId(
      config,
      'domainName',
      root,
      /^(?=.{1,253}$)[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/,
      'a DNS name, like "d111111abcdef8.cloudfront.net"',
      DEFAULT_DOMAIN_NAME,
    ).toLowerCase(),
    functions,
    warnings: diagnostics.warnings,
  };
  if (distribution.file !== undefined) raw.distributionFile = distribution.file;
  if (config.responseHeadersPolicies !== undefined) {
    raw.responseHeadersPolicies = expectObject(config.responseHeadersPolicies, childLocation(root, 'responseHeadersPolicies'), 'an object mapping policy Ids to policy configs');
  }
  return { raw, json: config, root, distribution };
}
