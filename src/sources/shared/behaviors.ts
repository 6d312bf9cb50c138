import { isObject, parseLambdaArn } from '../../config/index.js';
import { ACCOUNT, REGION } from '../cloudformation/pseudo-parameters.js';

/** The behaviors of an API-shaped DistributionConfig: CacheBehaviors.Items, then DefaultCacheBehavior. */
export function behaviorsOf(distribution: Record<string, unknown>): Record<string, unknown>[] {
  const items = isObject(distribution.CacheBehaviors) && Array.isArray(distribution.CacheBehaviors.Items) ? distribution.CacheBehaviors.Items : [];
  return [...items, distribution.DefaultCacheBehavior].filter(isObject);
}

/** The `Items` of a behavior's `{ Quantity, Items }` list (LambdaFunctionAssociations, FunctionAssociations). */
export function associationItems(behavior: Record<string, unknown>, key: string): Record<string, unknown>[] {
  const list = behavior[key];
  return isObject(list) && Array.isArray(list.Items) ? list.Items.filter(isObject) : [];
}

/**
 * A LambdaFunctionARN as a source gives it (a function name, an unqualified ARN or a versioned one) as the versioned
 * ARN CloudFront needs (dg:lambda-edge-add-triggers: "you must specify a numbered version"); a source that publishes
 * one version per deploy has version 1 on a first deploy. `versioned` is false when the version was added.
 */
export function versionedLambdaArn(value: string): { arn: string; name: string; versioned: boolean } {
  const parsed = parseLambdaArn(value);
  if (parsed) return parsed.qualifier === undefined ? { arn: `${value}:1`, name: parsed.name, versioned: false } : { arn: value, name: parsed.name, versioned: true };
  return { arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${value}:1`, name: value, versioned: false };
}
