import { isObject } from '../../config/index.js';
import type { SourceDocument } from '../shared/source-document.js';

/** A serverless.yml with its variables resolved: the parts the conversion reads. */
export interface ServerlessService {
  service: string;
  stage: string;
  provider: Record<string, unknown>;
  functions: Record<string, Record<string, unknown>>;
  resources: Record<string, unknown>;
  /** `custom.lambdaEdgePreExistingCloudFront`: serverless-lambda-edge-pre-existing-cloudfront's `validStages`. */
  lambdaEdgePreExistingCloudFront: Record<string, unknown>;
}

/** The template the Framework would compile, and for each generated path the serverless.yml path it comes from. */
export interface CompiledTemplate {
  template: { Resources: Record<string, Record<string, unknown>> };
  origins: [generated: string, written: string][];
}

// sls:lib/plugins/aws/lib/naming.js getNormalizedFunctionName: `-` and `_` spelled out, first letter upper-case.
export function normalizedName(name: string): string {
  const spelled = name.replace(/-/g, 'Dash').replace(/_/g, 'Underscore');
  return spelled.charAt(0).toUpperCase() + spelled.slice(1);
}

/** sls:naming getLambdaLogicalId / the version the Framework publishes for it (its hash suffix left out). */
export const functionLogicalId = (key: string): string => `${normalizedName(key)}LambdaFunction`;
export const versionLogicalId = (key: string): string => `${normalizedName(key)}LambdaVersion`;

/** sls:naming getCloudFrontOriginId: `s3/` or `custom/`, the domain, then the origin path. */
function originId(origin: Record<string, unknown>): string {
  const domain = typeof origin.DomainName === 'string' ? origin.DomainName : JSON.stringify(origin.DomainName).replace(/[^A-Za-z0-9]/g, '');
  return `${origin.S3OriginConfig ? 's3' : 'custom'}/${domain}${typeof origin.OriginPath === 'string' ? origin.OriginPath : ''}`;
}

/** sls:compile/events/cloud-front.js createOrigin: an `s3://` URL is an S3 origin, any other a custom one (match-viewer). */
export function createOrigin(origin: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof origin === 'string') {
    const url = new URL(origin);
    out.DomainName = url.hostname;
    if (url.pathname.length > 1) out.OriginPath = url.pathname;
    // The Framework writes `S3OriginConfig: {}`; api:S3OriginConfig gives "no identity" as an empty string.
    if (url.protocol === 's3:') out.S3OriginConfig = { OriginAccessIdentity: '' };
    else out.CustomOriginConfig = { OriginProtocolPolicy: 'match-viewer' };
  } else if (isObject(origin)) {
    Object.assign(out, structuredClone(origin));
  }
  out.Id = originId(out);
  return out;
}

/** The Framework's Lambda function name: `name`, else `service-stage-key` (sls:naming getLambdaName... via service). */
export function functionName(service: ServerlessService, key: string): string {
  const name = service.functions[key]?.name;
  return typeof name === 'string' ? name : `${service.service}-${service.stage}-${key}`;
}

function lambdaResources(service: ServerlessService, key: string, edge: boolean): Record<string, Record<string, unknown>> {
  const fn = service.functions[key]!;
  const properties: Record<string, unknown> = { FunctionName: functionName(service, key), Handler: fn.handler, Code: '.' };
  const runtime = fn.runtime ?? service.provider.runtime;
  if (runtime !== undefined) properties.Runtime = runtime;
  // sls:cloud-front.js prepareFunctions: a Lambda@Edge function's own memorySize and timeout, else 128 MB and 5 s.
  properties.MemorySize = fn.memorySize ?? (edge ? 128 : service.provider.memorySize);
  properties.Timeout = fn.timeout ?? (edge ? 5 : service.provider.timeout);
  return {
    [functionLogicalId(key)]: { Type: 'AWS::Lambda::Function', Properties: properties },
    [versionLogicalId(key)]: { Type: 'AWS::Lambda::Version', Properties: { FunctionName: { Ref: functionLogicalId(key) } } },
  };
}

/** `events[].cloudFront` of every function, with its function's key and place. */
function cloudFrontEvents(service: ServerlessService): { key: string; index: number; event: Record<string, unknown> }[] {
  return Object.entries(service.functions).flatMap(([key, fn]) =>
    (Array.isArray(fn.events) ? fn.events : []).flatMap((event, index) => (isObject(event) && isObject(event.cloudFront) ? [{ key, index, event: event.cloudFront }] : [])),
  );
}

// dg:using-managed-cache-policies Managed-CachingOptimized: the Framework's default when an event names none.
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';

/**
 * sls:compile/events/cloud-front.js compileCloudFrontEvents: the `CloudFrontDistribution` the Framework generates
 * from `cloudFront` events (one behavior per path pattern and origin, the one without a path pattern first as the
 * default, `provider.cloudFront.cachePolicies` as CachePolicy resources), the functions and their versions, and the
 * template's own `resources.Resources` (where the plugins' distributions are).
 */
export function compileTemplate(service: ServerlessService, doc: SourceDocument): CompiledTemplate {
  const own = isObject(service.resources.Resources) ? (service.resources.Resources as Record<string, Record<string, unknown>>) : {};
  const Resources: Record<string, Record<string, unknown>> = { ...own };
  const origins: [string, string][] = Object.keys(own).map((id) => [`Resources.${id}`, `resources.Resources.${id}`]);
  const events = cloudFrontEvents(service);
  const edgeKeys = new Set([...events.map((e) => e.key), ...Object.keys(service.functions).filter((key) => service.functions[key]!.lambdaAtEdge !== undefined)]);
  for (const key of Object.keys(service.functions)) {
    Object.assign(Resources, lambdaResources(service, key, edgeKeys.has(key)));
    origins.push([`Resources.${functionLogicalId(key)}`, `functions.${key}`], [`Resources.${functionLogicalId(key)}.Properties.Handler`, `functions.${key}.handler`]);
  }
  const policies = isObject(service.provider.cloudFront) && isObject(service.provider.cloudFront.cachePolicies) ? service.provider.cloudFront.cachePolicies : {};
  for (const [name, config] of Object.entries(policies)) {
    Resources[`CloudFrontCachePolicy${normalizedName(name)}`] = { Type: 'AWS::CloudFront::CachePolicy', Properties: { CachePolicyConfig: { ...(config as object), Name: `${service.service}-${service.stage}-${name}` } } };
  }
  if (events.length === 0) return { template: { Resources }, origins };

  const originList: Record<string, unknown>[] = [];
  const behaviors: Record<string, unknown>[] = [];
  let defaultOrigin: Record<string, unknown> | undefined;
  for (const { key, index, event } of events) {
    const where = doc.at('functions', key, 'events', index, 'cloudFront');
    if (event.origin === undefined) throw doc.noDistribution(where, `${key}: the cloudFront event has no origin: add origin (a URL, or an object with DomainName).`);
    const made = createOrigin(event.origin);
    const origin = originList.find((o) => o.Id === made.Id) ?? (originList.push(made), made);
    if (event.isDefaultOrigin === true) defaultOrigin = origin;
    const behavior: Record<string, unknown> = { ViewerProtocolPolicy: 'allow-all', ...(isObject(event.behavior) ? structuredClone(event.behavior) : {}) };
    const policy = isObject(event.cachePolicy) ? event.cachePolicy : undefined;
    if (policy?.name !== undefined) {
      if (!(String(policy.name) in policies)) throw doc.noDistribution(childOf(where, 'cachePolicy'), `${key}: cache policy '${String(policy.name)}' is not in provider.cloudFront.cachePolicies: define it there, or give its id.`);
      behavior.CachePolicyId = { Ref: `CloudFrontCachePolicy${normalizedName(String(policy.name))}` };
    } else if (policy?.id !== undefined) behavior.CachePolicyId = policy.id;
    else if (behavior.CachePolicyId === undefined) behavior.CachePolicyId = CACHING_OPTIMIZED;
    const association: Record<string, unknown> = { EventType: event.eventType, LambdaFunctionARN: { Ref: versionLogicalId(key) } };
    if (event.includeBody !== undefined) association.IncludeBody = event.includeBody;
    behavior.TargetOriginId = origin.Id;
    if (typeof event.pathPattern === 'string') behavior.PathPattern = event.pathPattern;
    const existing = behaviors.find((b) => b.PathPattern === behavior.PathPattern && b.TargetOriginId === behavior.TargetOriginId);
    if (existing) (existing.LambdaFunctionAssociations as unknown[]).push(association);
    else behaviors.push({ ...behavior, LambdaFunctionAssociations: [association] });
  }
  // The behavior without a path pattern is the default; when every event has one, the default gets the first
  // behavior's settings, no functions, and the default origin (sls: "DefaultCacheBehavior does not support PathPattern").
  behaviors.sort((a, b) => Number(a.PathPattern !== undefined) - Number(b.PathPattern !== undefined));
  if (behaviors[0]!.PathPattern !== undefined) {
    if (!defaultOrigin && originList.length > 1) throw doc.noDistribution(doc.at('functions'), 'the cloudFront events have several origins but none sets isDefaultOrigin: true: set it on one.');
    const { PathPattern: _p, LambdaFunctionAssociations: _l, ...rest } = behaviors[0]!;
    behaviors.unshift({ ...rest, TargetOriginId: (defaultOrigin ?? originList[0]!).Id });
  }
  const DistributionConfig: Record<string, unknown> = { Comment: `${service.service} ${service.stage}`, Enabled: true, DefaultCacheBehavior: behaviors[0], Origins: originList };
  if (behaviors.length > 1) DistributionConfig.CacheBehaviors = behaviors.slice(1);
  Resources.CloudFrontDistribution = { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig } };
  origins.push(['Resources.CloudFrontDistribution', `functions.${events[0]!.key}.events[${events[0]!.index}].cloudFront`]);
  return { template: { Resources }, origins };
}

function childOf(loc: { file: string; path: string }, key: string): { file: string; path: string } {
  return { file: loc.file, path: `${loc.path}.${key}` };
}
