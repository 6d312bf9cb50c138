import { isObject } from '../../config/index.js';
import type { SourceDocument } from '../shared/source-document.js';
import { versionLogicalId, type ServerlessService } from './serverless-template.js';

/**
 * @silvermine/serverless-plugin-cloudfront-lambda-edge: `functions.<key>.lambdaAtEdge` (one object or a list) adds a
 * LambdaFunctionAssociations item, the function's published version, to the behavior of the distribution in
 * `resources.Resources` whose PathPattern is `pathPattern` (the DefaultCacheBehavior without one).
 */
export function applyLambdaAtEdge(service: ServerlessService, resources: Record<string, Record<string, unknown>>, doc: SourceDocument): void {
  for (const [key, fn] of Object.entries(service.functions)) {
    const list = Array.isArray(fn.lambdaAtEdge) ? fn.lambdaAtEdge : fn.lambdaAtEdge === undefined ? [] : [fn.lambdaAtEdge];
    list.forEach((entry, i) => {
      const where = Array.isArray(fn.lambdaAtEdge) ? doc.at('functions', key, 'lambdaAtEdge', i) : doc.at('functions', key, 'lambdaAtEdge');
      if (!isObject(entry) || typeof entry.distribution !== 'string' || typeof entry.eventType !== 'string') {
        throw doc.noDistribution(where, `${key}: lambdaAtEdge needs distribution (a logical ID in resources.Resources) and eventType.`);
      }
      const distribution = resources[entry.distribution];
      const config = isObject(distribution?.Properties) ? distribution.Properties.DistributionConfig : undefined;
      if (distribution?.Type !== 'AWS::CloudFront::Distribution' || !isObject(config)) {
        const ids = Object.keys(resources).filter((id) => resources[id]!.Type === 'AWS::CloudFront::Distribution');
        throw doc.noDistribution(where, `${key}: lambdaAtEdge.distribution "${entry.distribution}" is not an AWS::CloudFront::Distribution in resources.Resources${ids.length ? ` (it has ${ids.join(', ')})` : ''}.`);
      }
      const behavior = entry.pathPattern === undefined ? config.DefaultCacheBehavior : (Array.isArray(config.CacheBehaviors) ? config.CacheBehaviors : []).find((b) => isObject(b) && b.PathPattern === entry.pathPattern);
      if (!isObject(behavior)) throw doc.noDistribution(where, `${key}: ${entry.distribution} has no cache behavior with PathPattern "${String(entry.pathPattern)}": add one, or fix lambdaAtEdge.pathPattern.`);
      const association: Record<string, unknown> = { EventType: entry.eventType, LambdaFunctionARN: { Ref: versionLogicalId(key) } };
      if (entry.includeBody !== undefined) association.IncludeBody = entry.includeBody;
      behavior.LambdaFunctionAssociations = [...(Array.isArray(behavior.LambdaFunctionAssociations) ? behavior.LambdaFunctionAssociations : []), association];
    });
  }
}
