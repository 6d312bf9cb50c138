import { childLocation, isObject } from '../../config/index.js';
import { cloudFrontFunctionCodeEntry } from '../shared/cloudfront-function-entry.js';
import type { Evaluator, TemplateResource } from './template-types.js';

/** The `functions` entry of an AWS::CloudFront::Function (cfn:aws-resource-cloudfront-function): FunctionCode, runtime, key value store. */
export function cloudFrontFunctionEntry(resource: TemplateResource, name: string, evaluator: Evaluator, codeDir: string): Record<string, unknown> | undefined {
  const code = evaluator.property(resource, 'FunctionCode');
  const loc = childLocation(resource.loc, 'Properties');
  if (typeof code !== 'string') {
    evaluator.warn(loc, `${resource.id}: FunctionCode is not a string, so the function is not converted: add a "functions" entry keyed by "${name}" whose value is its code file.`);
    return undefined;
  }
  const config = evaluator.property(resource, 'FunctionConfig');
  const runtime = isObject(config) && typeof config.Runtime === 'string' ? config.Runtime : 'cloudfront-js-2.0';
  const stores = isObject(config) && Array.isArray(config.KeyValueStoreAssociations) ? config.KeyValueStoreAssociations : [];
  return cloudFrontFunctionCodeEntry(codeDir, name, code, runtime, stores.length > 0, (message) => evaluator.warn(childLocation(loc, 'FunctionConfig'), `${resource.id}: ${message}`));
}
