import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { childLocation, isObject } from '../../config/index.js';
import { writeInlineCode } from '../shared/handler-module.js';
import type { Evaluator, TemplateResource } from './template-types.js';

/**
 * The `functions` entry of an AWS::CloudFront::Function (cfn:aws-resource-cloudfront-function): its FunctionCode
 * written to a file, its runtime, and an empty store file for an associated KeyValueStore, whose data CloudFormation
 * imports from S3 at deploy time.
 */
export function cloudFrontFunctionEntry(resource: TemplateResource, name: string, evaluator: Evaluator, codeDir: string): Record<string, unknown> | undefined {
  const code = evaluator.property(resource, 'FunctionCode');
  const loc = childLocation(resource.loc, 'Properties');
  if (typeof code !== 'string') {
    evaluator.warn(loc, `${resource.id}: FunctionCode is not a string, so the function is not converted: add a "functions" entry keyed by "${name}" whose value is its code file.`);
    return undefined;
  }
  const config = evaluator.property(resource, 'FunctionConfig');
  const runtime = isObject(config) && typeof config.Runtime === 'string' ? config.Runtime : 'cloudfront-js-2.0';
  const entry: Record<string, unknown> = { code: writeInlineCode(codeDir, `cloudfront-functions/${name}.js`, code), runtime };
  const stores = isObject(config) && Array.isArray(config.KeyValueStoreAssociations) ? config.KeyValueStoreAssociations : [];
  if (stores.length) {
    // Written once: what the user fills in survives the next conversion.
    const path = join(codeDir, 'key-value-stores', `${name}.json`);
    const store = existsSync(path) ? path : writeInlineCode(codeDir, `key-value-stores/${name}.json`, '{ "data": [] }\n');
    entry.keyValueStore = store;
    evaluator.warn(childLocation(loc, 'FunctionConfig'), `${resource.id}: its key value store's data is imported at deploy time; edge-dev starts it empty: fill ${store} ({ "data": [{ "key", "value" }] }) and point "functions"."${name}".keyValueStore at it.`);
  }
  return entry;
}
