/**
 * Reads the behaviors and their Lambda@Edge / CloudFront Functions associations from a DistributionConfig
 * in the API's JSON shape (Quantity/Items), keeping JSON paths for messages.
 */
import { ConfigError } from '../event/errors.js';
import type { AssociationRef, BehaviorRef } from './types.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function items(container: unknown, file: string, path: string): Record<string, unknown>[] {
  if (container === undefined || container === null) return [];
  if (!isObject(container)) throw new ConfigError(file, path, 'must be an object with "Quantity" and "Items"');
  const list = container.Items;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new ConfigError(file, `${path}.Items`, 'must be a list');
  return list.map((item, i) => {
    if (!isObject(item)) throw new ConfigError(file, `${path}.Items[${i}]`, 'must be an object');
    return item;
  });
}

function readBehavior(raw: Record<string, unknown>, path: string, pathPattern: string, file: string): BehaviorRef {
  const lambdaPath = `${path}.LambdaFunctionAssociations`;
  const lambda: AssociationRef[] = items(raw.LambdaFunctionAssociations, file, lambdaPath).map((a, i) => {
    const at = `${lambdaPath}.Items[${i}]`;
    if (typeof a.LambdaFunctionARN !== 'string') {
      throw new ConfigError(file, `${at}.LambdaFunctionARN`, 'must be the function version ARN (a string)');
    }
    return {
      behaviorPath: path,
      pathPattern,
      eventType: String(a.EventType ?? ''),
      arn: a.LambdaFunctionARN,
      includeBody: a.IncludeBody === true,
      path: at,
    };
  });
  const functionsPath = `${path}.FunctionAssociations`;
  const functions = items(raw.FunctionAssociations, file, functionsPath).map((f, i) => ({
    eventType: String(f.EventType ?? ''),
    arn: String(f.FunctionARN ?? ''),
    path: `${functionsPath}.Items[${i}]`,
  }));
  return { path, pathPattern, smoothStreaming: raw.SmoothStreaming === true, lambda, functions };
}

/** Default behavior last, as CloudFront matches them (§7.1). `prefix` is where the config sits in the file. */
export function readBehaviors(distributionConfig: Record<string, unknown>, file: string, prefix = 'distribution'): BehaviorRef[] {
  const behaviors: BehaviorRef[] = [];
  items(distributionConfig.CacheBehaviors, file, `${prefix}.CacheBehaviors`).forEach((b, i) => {
    behaviors.push(readBehavior(b, `${prefix}.CacheBehaviors.Items[${i}]`, String(b.PathPattern ?? ''), file));
  });
  const def = distributionConfig.DefaultCacheBehavior;
  if (def !== undefined) {
    if (!isObject(def)) throw new ConfigError(file, `${prefix}.DefaultCacheBehavior`, 'must be an object');
    behaviors.push(readBehavior(def, `${prefix}.DefaultCacheBehavior`, '*', file));
  }
  return behaviors;
}
