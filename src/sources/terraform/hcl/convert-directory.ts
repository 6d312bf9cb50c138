import { SourceError } from '../../source-error.js';
import { SourceDocument } from '../../shared/source-document.js';
import type { ImportOptions, SourceConfig } from '../../types.js';
import { convertResources, type TerraformResource } from '../convert-show-json.js';
import { ModuleInstance, type ResourceInstance } from './module-instance.js';
import type { Hcl2Json } from './read-module-files.js';
import { readModuleTree } from './read-module-tree.js';
import { findUnknown, force, Unknown } from './values.js';
import { rootVariableValues } from './variable-values.js';

// What convertResources reads; nothing else is evaluated, so other resources never have to.
const CONVERTED_TYPES = new Set([
  'aws_cloudfront_distribution', 'aws_cloudfront_function', 'aws_cloudfront_cache_policy', 'aws_cloudfront_origin_request_policy',
  'aws_cloudfront_response_headers_policy', 'aws_lambda_function', 'archive_file', 'aws_cloudfront_key_value_store',
]);
// By name, not a typed import: the package's typings pull in the DOM library, which changes Node's types elsewhere.
const HCL2JSON: string = '@cdktf/hcl2json';
const SHOW_JSON_HINT = 'import the JSON of a plan instead (`terraform plan -out plan.out && terraform show -json plan.out > plan.json`)';

/** Unknowns (values known only after apply) as null: a resource beside the distribution still converts what it can. */
function withoutUnknowns(value: unknown): unknown {
  if (value instanceof Unknown) return null;
  if (Array.isArray(value)) return value.map(withoutUnknowns);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutUnknowns(v)]));
  return value;
}

/**
 * The distribution's values: an origin's domain name known only after apply becomes a `.invalid` placeholder and a
 * warning naming `origins` (as for CloudFormation's attributes); any other unknown value stops the conversion.
 */
function distributionValues(instance: ResourceInstance, warnings: string[]): Record<string, unknown> {
  const values = force(instance.object) as Record<string, unknown>;
  const doc = instance.block.doc;
  for (const origin of Array.isArray(values.origin) ? (values.origin as Record<string, unknown>[]) : []) {
    if (!(origin.domain_name instanceof Unknown)) continue;
    const placeholder = `${origin.domain_name.reference.replace(/[^A-Za-z0-9-]+/g, '-')}.invalid`.toLowerCase();
    warnings.push(doc.warning(doc.at(...instance.block.keys, 'origin'), `${instance.address}: origin ${String(origin.origin_id)}: domain_name is ${origin.domain_name.reference}, known only after apply; edge-dev uses "${placeholder}": map the origin Id to a local URL or directory with the config file's "origins".`));
    origin.domain_name = placeholder;
  }
  const unknown = findUnknown(values);
  if (unknown) {
    const first = unknown.path.split(/[.[]/)[0]!;
    throw new SourceError('NoDistribution', doc.file, doc.where(doc.at(...instance.block.keys, first)), `${instance.address}: ${unknown.path} is ${unknown.unknown.reference}, known only after apply: give it a value edge-dev can evaluate (a variable, --var), or ${SHOW_JSON_HINT}.`);
  }
  return values;
}

/** One instance as a `terraform show -json` resource, its values evaluated when the conversion first reads them. */
function asResource(instance: ResourceInstance, warnings: string[]): TerraformResource {
  let values: Record<string, unknown> | undefined;
  const { doc, keys } = instance.block;
  return {
    address: instance.address,
    type: instance.type,
    doc,
    loc: doc.at(...keys),
    get values() {
      if (values) return values;
      if (instance.type === 'aws_cloudfront_distribution') return (values = distributionValues(instance, warnings));
      try {
        values = withoutUnknowns(force(instance.object)) as Record<string, unknown>;
      } catch (error) {
        if (!(error instanceof SourceError)) throw error;
        warnings.push(`${error.message} (${instance.address} is not converted)`);
        values = {};
      }
      return values;
    },
  };
}

/**
 * A Terraform configuration directory read directly (issue 10): the `.tf` files parsed with @cdktf/hcl2json, the
 * root module and its local modules evaluated (variables, locals, `count`/`for_each`, `dynamic` blocks, functions),
 * then converted as `terraform show -json` output is, by the one mapping in convert-show-json.ts.
 */
export async function convertTerraformDirectory(dir: string, options: ImportOptions, warnings: string[]): Promise<{ config: SourceConfig; files: string[] }> {
  const { parse } = (await import(HCL2JSON)) as { parse: Hcl2Json };
  const tree = await readModuleTree(dir, parse);
  const variables = await rootVariableValues(tree.files, options.variables ?? {}, parse, warnings);
  const files = new Set<string>(variables.files);
  const collect = (t: typeof tree): void => {
    for (const file of t.files.files) files.add(file);
    for (const child of t.children.values()) if (!('registry' in child)) collect(child);
  };
  collect(tree);
  const root = new ModuleInstance(tree, dir, '', (name) => (variables.values.has(name) ? { value: variables.values.get(name) } : undefined), files);
  const resources = root.instancesOf(CONVERTED_TYPES).map((instance) => asResource(instance, warnings));
  const registry = [...tree.children.entries()].filter(([, child]) => 'registry' in child).map(([name]) => `module.${name}`);
  if (!resources.some((r) => r.type === 'aws_cloudfront_distribution') && registry.length > 0) {
    throw new SourceError('NoDistribution', dir, '', `holds no aws_cloudfront_distribution edge-dev can read; ${registry.join(', ')} ${registry.length > 1 ? 'are' : 'is'} not a local module (edge-dev reads modules whose source starts with ./ or ../): ${SHOW_JSON_HINT}.`);
  }
  const config = convertResources(new SourceDocument(dir, null), resources, dir, options, warnings);
  return { config, files: [...files] };
}
