import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isObject, MANAGED_CACHE_POLICIES, MANAGED_ORIGIN_REQUEST_POLICIES, MANAGED_RESPONSE_HEADERS_POLICIES, type JsonLocation } from '../../config/index.js';
import { toApiShape } from '../shared/api-shape.js';
import { associationItems, behaviorsOf, versionedLambdaArn } from '../shared/behaviors.js';
import { cloudFrontFunctionCodeEntry } from '../shared/cloudfront-function-entry.js';
import { functionEntry } from '../shared/function-entry.js';
import { findHandlerModule } from '../shared/handler-module.js';
import type { SourceDocument } from '../shared/source-document.js';
import type { ImportOptions, SourceConfig } from '../types.js';
import { blocksToCloudFormation } from './blocks-to-cloudformation.js';

/** One resource of `terraform show -json` (tf:internals/json-format "values representation"), or evaluated from `.tf` files. */
export interface TerraformResource {
  address: string;
  type: string;
  values: Record<string, unknown>;
  /** The file it is written in, and where: messages name both. */
  doc: SourceDocument;
  loc: JsonLocation;
}

/** Every resource of a module and its child modules (local modules appear as `module.NAME.TYPE.NAME`). */
function moduleResources(module: unknown, doc: SourceDocument, path: (string | number)[]): TerraformResource[] {
  if (!isObject(module)) return [];
  const own = (Array.isArray(module.resources) ? module.resources : []).flatMap((r, i) =>
    isObject(r) && typeof r.address === 'string' && typeof r.type === 'string' && isObject(r.values)
      ? [{ address: r.address, type: r.type, values: r.values, doc, loc: doc.at(...path, 'resources', i) }]
      : [],
  );
  const children = (Array.isArray(module.child_modules) ? module.child_modules : []).flatMap((child, i) => moduleResources(child, doc, [...path, 'child_modules', i]));
  return [...own, ...children];
}

// A managed policy (§5.4, §5.5), which a data source may name, is known to edge-dev by its Id: no entry is written.
const POLICIES = [
  ['aws_cloudfront_cache_policy', 'cachePolicies', 'CachePolicyId', MANAGED_CACHE_POLICIES],
  ['aws_cloudfront_origin_request_policy', 'originRequestPolicies', 'OriginRequestPolicyId', MANAGED_ORIGIN_REQUEST_POLICIES],
  ['aws_cloudfront_response_headers_policy', 'responseHeadersPolicies', 'ResponseHeadersPolicyId', MANAGED_RESPONSE_HEADERS_POLICIES],
] as const;

// Arguments that are not part of a policy's config.
const POLICY_EXTRA = new Set(['Id', 'Arn', 'Etag']);

/** The code directory of an `aws_lambda_function`: `source_dir` (or `source_file`'s directory) of the `archive_file` that made its `filename`, or a directory. */
function codeDirectory(values: Record<string, unknown>, resources: TerraformResource[], base: string): string | undefined {
  const filename = values.filename;
  if (typeof filename !== 'string') return undefined;
  const archive = resources.find((r) => r.type === 'archive_file' && typeof r.values.output_path === 'string' && resolve(base, r.values.output_path) === resolve(base, filename));
  const source = archive?.values.source_dir ?? archive?.values.source_file;
  const dir = typeof source !== 'string' ? resolve(base, filename) : source === archive?.values.source_dir ? resolve(base, source) : dirname(resolve(base, source));
  return existsSync(dir) && statSync(dir).isDirectory() ? dir : undefined;
}

/**
 * The resources of a Terraform configuration (from `terraform show -json`, or evaluated from `.tf` files) to the
 * configuration: the chosen `aws_cloudfront_distribution`, its Lambda functions (`qualified_arn`), CloudFront Functions
 * (`code`) and policies. `base` is the root module's directory, which relative paths in the values start from; `doc`
 * is what a missing distribution is reported against.
 */
export function convertResources(doc: SourceDocument, resources: TerraformResource[], base: string, options: ImportOptions, warnings: string[]): SourceConfig {
  const distributions = resources.filter((r) => r.type === 'aws_cloudfront_distribution');
  const wanted = options.distribution;
  const chosen = wanted === undefined ? distributions : distributions.filter((r) => r.address === wanted || r.address === `aws_cloudfront_distribution.${wanted}`);
  if (chosen.length !== 1) {
    const listed = distributions.map((r) => r.address).join(', ');
    throw doc.noDistribution(doc.root, distributions.length === 0 ? 'holds no aws_cloudfront_distribution.' : wanted !== undefined && chosen.length === 0 ? `--distribution ${wanted}: no such resource; there are ${listed}.` : `holds ${distributions.length} distributions (${listed}): choose one with --distribution ADDRESS.`);
  }
  const distribution = chosen[0]!;
  const api = toApiShape(blocksToCloudFormation(distribution.values)) as Record<string, unknown>;
  const config: SourceConfig = { distribution: api, functions: {}, cachePolicies: {}, originRequestPolicies: {}, responseHeadersPolicies: {}, keyValueStores: {} };
  const warn = (resource: TerraformResource, message: string) => warnings.push(resource.doc.warning(resource.loc, `${resource.address}: ${message}`));

  for (const behavior of behaviorsOf(api)) {
    for (const association of associationItems(behavior, 'LambdaFunctionAssociations')) {
      if (typeof association.LambdaFunctionARN !== 'string') {
        warn(distribution, 'a lambda_arn is known only after apply: run `terraform apply` first, or give `terraform show -json` of the state.');
        continue;
      }
      const { arn, name } = versionedLambdaArn(association.LambdaFunctionARN);
      association.LambdaFunctionARN = arn;
      const lambda = resources.find((r) => r.type === 'aws_lambda_function' && r.values.function_name === name);
      if (!lambda || name in config.functions) continue;
      const dir = codeDirectory(lambda.values, resources, base);
      const handler = dir && typeof lambda.values.handler === 'string' ? findHandlerModule(dir, lambda.values.handler) : undefined;
      if (!handler) {
        warn(lambda, `no local handler module found (filename ${String(lambda.values.filename)}, handler ${String(lambda.values.handler)}): add a "functions" entry keyed by "${name}" whose value is the handler module.`);
        continue;
      }
      config.functions[name] = functionEntry({ handler, runtime: String(lambda.values.runtime), memorySize: Number(lambda.values.memory_size ?? 128), timeout: Number(lambda.values.timeout ?? 3) });
    }
    for (const association of associationItems(behavior, 'FunctionAssociations')) {
      const name = String(association.FunctionARN).split('/').pop()!;
      const cff = resources.find((r) => r.type === 'aws_cloudfront_function' && r.values.name === name);
      if (!cff || name in config.functions || typeof cff.values.code !== 'string') continue;
      const stores = Array.isArray(cff.values.key_value_store_associations) ? cff.values.key_value_store_associations : [];
      config.functions[name] = cloudFrontFunctionCodeEntry(options.codeDir, name, cff.values.code, String(cff.values.runtime ?? 'cloudfront-js-2.0'), stores.length > 0, (message) => warn(cff, message));
    }
    for (const [type, table, key, managed] of POLICIES) {
      if (typeof behavior[key] !== 'string' || managed.has(behavior[key])) continue;
      const policy = resources.find((r) => r.type === type && r.values.id === behavior[key]);
      if (!policy) continue;
      const shaped = toApiShape(blocksToCloudFormation(policy.values)) as Record<string, unknown>;
      for (const extra of POLICY_EXTRA) delete shaped[extra];
      config[table][String(policy.values.id)] = shaped;
    }
  }
  return config;
}

/** `terraform show -json` of a state (`values`) or a plan (`planned_values`), paths relative to the JSON file's directory. */
export function convertShowJson(doc: SourceDocument, options: ImportOptions, warnings: string[]): SourceConfig {
  const value = doc.value as Record<string, unknown>;
  const key = isObject(value.values) ? 'values' : 'planned_values';
  const root = isObject(value[key]) ? (value[key] as Record<string, unknown>).root_module : undefined;
  return convertResources(doc, moduleResources(root, doc, [key, 'root_module']), dirname(doc.file), options, warnings);
}
