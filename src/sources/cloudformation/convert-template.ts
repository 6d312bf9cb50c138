import { basename, extname } from 'node:path';
import { childLocation, isObject, type JsonLocation } from '../../config/index.js';
import { toApiShape } from '../shared/api-shape.js';
import { associationItems, behaviorsOf, versionedLambdaArn } from '../shared/behaviors.js';
import { functionEntry } from '../shared/function-entry.js';
import type { SourceDocument } from '../shared/source-document.js';
import type { ImportOptions, SourceConfig } from '../types.js';
import { cloudFrontFunctionEntry } from './cloudfront-function-code.js';
import { lambdaCode, type CodeContext } from './lambda-code.js';
import { lambdaFunctionName, physicalName } from './resource-values.js';
import { TemplateEvaluator } from './template-evaluator.js';
import type { TemplateResource } from './template-types.js';

/** How a template is read: its stack name and, for CDK, the values of custom resources resolved elsewhere. */
export interface TemplateContext {
  stackName?: string;
  customAttribute?: (resource: TemplateResource, attribute: string) => unknown;
  /** Other templates whose functions the distribution may use (CDK's cross-region stacks). */
  functionResolvers?: ((name: string) => unknown)[];
}

const POLICY_TYPES = [
  { key: 'CachePolicyId', type: 'AWS::CloudFront::CachePolicy', config: 'CachePolicyConfig', table: 'cachePolicies' },
  { key: 'OriginRequestPolicyId', type: 'AWS::CloudFront::OriginRequestPolicy', config: 'OriginRequestPolicyConfig', table: 'originRequestPolicies' },
  { key: 'ResponseHeadersPolicyId', type: 'AWS::CloudFront::ResponseHeadersPolicy', config: 'ResponseHeadersPolicyConfig', table: 'responseHeadersPolicies' },
] as const;

const LAMBDA_TYPES = new Set(['AWS::Lambda::Function', 'AWS::Serverless::Function']);

/** `--distribution`: a logical ID, or (CDK) the construct path in `aws:cdk:path` metadata or a prefix of it. */
function matches(resource: TemplateResource, wanted: string): boolean {
  const path = resource.metadata['aws:cdk:path'];
  return resource.id === wanted || (typeof path === 'string' && (path === wanted || path.startsWith(`${wanted}/`)));
}

function chooseDistribution(evaluator: TemplateEvaluator, doc: SourceDocument, wanted: string | undefined): TemplateResource {
  const all = [...evaluator.resources.values()].filter((r) => r.type === 'AWS::CloudFront::Distribution');
  const active = all.filter((r) => evaluator.resource(r.id));
  if (active.length === 0) {
    throw doc.noDistribution(doc.at('Resources'), all.length ? `every AWS::CloudFront::Distribution (${all.map((r) => r.id).join(', ')}) has a Condition that is false: change it with --parameter NAME=VALUE.` : 'holds no AWS::CloudFront::Distribution.');
  }
  if (wanted !== undefined) {
    const chosen = active.find((r) => matches(r, wanted));
    if (!chosen) throw doc.noDistribution(doc.at('Resources'), `--distribution ${wanted}: no distribution has that logical ID; the template has ${active.map((r) => r.id).join(', ')}.`);
    return chosen;
  }
  if (active.length > 1) throw doc.noDistribution(doc.at('Resources'), `holds ${active.length} distributions (${active.map((r) => r.id).join(', ')}): choose one with --distribution LOGICAL_ID.`);
  return active[0]!;
}

/** cfn:aws-properties-cloudfront-distribution-distributionconfig: the legacy S3Origin/CustomOrigin have no API form. */
function dropLegacyOrigins(config: Record<string, unknown>, loc: JsonLocation, evaluator: TemplateEvaluator): void {
  for (const key of ['S3Origin', 'CustomOrigin']) {
    if (config[key] === undefined) continue;
    evaluator.warn(childLocation(loc, key), `the legacy ${key} is not converted: write it as an item of Origins.`);
    delete config[key];
  }
}

/** OAC origins may omit S3OriginConfig in a template; the API gives them `OriginAccessIdentity: ""` (api:Origin). */
function fillOacOrigins(config: Record<string, unknown>): void {
  if (!Array.isArray(config.Origins)) return;
  for (const origin of config.Origins.filter(isObject)) {
    if (origin.OriginAccessControlId && !origin.S3OriginConfig && !origin.CustomOriginConfig && !origin.VpcOriginConfig) origin.S3OriginConfig = { OriginAccessIdentity: '' };
  }
}

/**
 * A CloudFormation or SAM template to the configuration: the chosen AWS::CloudFront::Distribution in the API's shape,
 * the Lambda functions and CloudFront Functions its behaviors associate (with their code), and its custom policies.
 */
export function convertTemplate(doc: SourceDocument, options: ImportOptions, warnings: string[], context: TemplateContext = {}): SourceConfig {
  const stackName = context.stackName ?? basename(doc.file, extname(doc.file));
  const evaluator = new TemplateEvaluator(doc, options.parameters ?? {}, stackName, warnings, context.customAttribute);
  const distribution = chooseDistribution(evaluator, doc, options.distribution);
  const propsLoc = childLocation(distribution.loc, 'Properties');
  const raw = evaluator.property(distribution, 'DistributionConfig');
  if (!isObject(raw)) throw doc.noDistribution(propsLoc, `${distribution.id} has no DistributionConfig object.`);
  dropLegacyOrigins(raw, childLocation(propsLoc, 'DistributionConfig'), evaluator);
  fillOacOrigins(raw);
  const api = toApiShape(raw) as Record<string, unknown>;

  const config: SourceConfig = { distribution: api, functions: {}, cachePolicies: {}, originRequestPolicies: {}, responseHeadersPolicies: {}, keyValueStores: {} };
  const globals = isObject(doc.value) && isObject(doc.value.Globals) && isObject(doc.value.Globals.Function) ? doc.value.Globals.Function : {};
  const codeContext: CodeContext = { templateFile: doc.file, codeDir: options.codeDir, globals: evaluator.evaluate(globals, doc.at('Globals', 'Function')) as Record<string, unknown> };
  const active = [...evaluator.resources.values()].filter((r) => evaluator.resource(r.id));
  const lambdas = new Map(active.filter((r) => LAMBDA_TYPES.has(r.type)).map((r) => [lambdaFunctionName(r, evaluator), r]));
  const cloudFrontFunctions = new Map(active.filter((r) => r.type === 'AWS::CloudFront::Function').map((r) => [physicalName(r, evaluator, 'Name'), r]));

  for (const behavior of behaviorsOf(api)) {
    for (const association of associationItems(behavior, 'LambdaFunctionAssociations')) {
      const { arn, name, versioned } = versionedLambdaArn(String(association.LambdaFunctionARN));
      association.LambdaFunctionARN = arn;
      if (!versioned) evaluator.warn(propsLoc, `${distribution.id}: LambdaFunctionARN "${name}" has no version; CloudFront needs a numbered version (publish one, e.g. with AutoPublishAlias or AWS::Lambda::Version). edge-dev uses ${arn}.`);
      if (name in config.functions) continue;
      const resource = lambdas.get(name);
      const code = resource && lambdaCode(resource, name, evaluator, codeContext);
      const entry = code ? functionEntry(code) : context.functionResolvers?.map((resolve) => resolve(name)).find((e) => e !== undefined);
      if (entry !== undefined) config.functions[name] = entry;
      else if (!resource) evaluator.warn(propsLoc, `${distribution.id}: ${arn} is not a function of this template: add a "functions" entry keyed by "${name}" whose value is its handler module.`);
    }
    for (const association of associationItems(behavior, 'FunctionAssociations')) {
      const name = String(association.FunctionARN).split('/').pop()!;
      const resource = cloudFrontFunctions.get(name);
      if (name in config.functions) continue;
      const entry = resource && cloudFrontFunctionEntry(resource, name, evaluator, options.codeDir);
      if (entry) config.functions[name] = entry;
      else if (!resource) evaluator.warn(propsLoc, `${distribution.id}: the CloudFront Function ${String(association.FunctionARN)} is not in this template: add a "functions" entry keyed by "${name}" whose value is its code file.`);
    }
    for (const policy of POLICY_TYPES) {
      const id = behavior[policy.key];
      const resource = typeof id === 'string' ? evaluator.resource(id) : undefined;
      if (resource?.type !== policy.type) continue;
      config[policy.table][resource.id] = toApiShape(evaluator.property(resource, policy.config));
    }
  }
  return config;
}
