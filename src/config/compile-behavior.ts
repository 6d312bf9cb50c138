import type { CacheKeyPolicy, CompiledBehavior, OriginRequestPolicy, ResponseHeadersPolicy } from './types.js';
import { checkUnknownKeys } from './check-unknown-keys.js';
import { compileFunctionAssociations, compileLambdaAssociations, type AssociationDraft, type FunctionAssociationDraft } from './compile-associations.js';
import { compileLegacyForwarding } from './compile-legacy-forwarding.js';
import { compileMethods } from './compile-methods.js';
import { compileTrustedKeyGroups, type KeyGroups } from './compile-trusted-keys.js';
import { compilePathPattern } from './compile-path-pattern.js';
import { didYouMean } from '../event/index.js';
import { childLocation, fail, type Diagnostics, type JsonLocation } from './json-location.js';
import { expectObject, oneOf, optionalBoolean, optionalString, requiredString } from './read-fields.js';

/** Managed and custom policies by Id. */
export interface PolicyTables {
  cache: ReadonlyMap<string, CacheKeyPolicy>;
  originRequest: ReadonlyMap<string, OriginRequestPolicy>;
  responseHeaders: ReadonlyMap<string, ResponseHeadersPolicy>;
  /** Issue 11: key groups by Id (`keyGroups` and `publicKeys`). */
  keyGroups: KeyGroups;
}

/** A behavior before its Lambda and CloudFront Function associations are resolved. */
export type BehaviorDraft = Omit<CompiledBehavior, 'lambda' | 'cloudFrontFunctions'> & {
  associations: AssociationDraft[];
  functionAssociations: FunctionAssociationDraft[];
};

const BEHAVIOR_KEYS = [
  'PathPattern',
  'TargetOriginId',
  'TrustedSigners',
  'TrustedKeyGroups',
  'ViewerProtocolPolicy',
  'AllowedMethods',
  'SmoothStreaming',
  'Compress',
  'LambdaFunctionAssociations',
  'FunctionAssociations',
  'FieldLevelEncryptionId',
  'RealtimeLogConfigArn',
  'CachePolicyId',
  'OriginRequestPolicyId',
  'ResponseHeadersPolicyId',
  'GrpcConfig',
  'ForwardedValues',
  'MinTTL',
  'DefaultTTL',
  'MaxTTL',
];
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';

function lookupPolicy<P>(id: string, table: ReadonlyMap<string, P>, loc: JsonLocation, configKey: string): P {
  const policy = table.get(id);
  if (policy) return policy;
  const suggestion = didYouMean(id, [...table.keys()]);
  return fail(
    loc,
    `"${id}" is neither an AWS managed policy Id nor a key of \`${configKey}\`` +
      (suggestion ? `; did you mean "${suggestion}"?` : `; add it to \`${configKey}\` in the API's shape or use a managed Id.`),
  );
}

/** §5.1 / §5.2: the behavior's cache key, from CachePolicyId or from legacy ForwardedValues (D33). */
function compileCaching(
  behavior: Record<string, unknown>,
  pathPattern: string,
  compress: boolean,
  loc: JsonLocation,
  policies: PolicyTables,
  diagnostics: Diagnostics,
): Pick<CompiledBehavior, 'cachePolicy' | 'originRequestPolicy' | 'legacy'> {
  const cachePolicyId = optionalString(behavior, 'CachePolicyId', loc) || undefined;
  const originRequestPolicyId = optionalString(behavior, 'OriginRequestPolicyId', loc) || undefined;
  if (cachePolicyId !== undefined) {
    if (behavior.ForwardedValues !== undefined) {
      fail(childLocation(loc, 'ForwardedValues'), 'cannot be combined with CachePolicyId: remove ForwardedValues (and MinTTL/DefaultTTL/MaxTTL) or CachePolicyId.');
    }
    const cachePolicy = lookupPolicy(cachePolicyId, policies.cache, childLocation(loc, 'CachePolicyId'), 'cachePolicies');
    if (originRequestPolicyId === undefined) return { cachePolicy };
    const originRequestPolicy = lookupPolicy(originRequestPolicyId, policies.originRequest, childLocation(loc, 'OriginRequestPolicyId'), 'originRequestPolicies');
    return { cachePolicy, originRequestPolicy };
  }
  if (originRequestPolicyId !== undefined) {
    fail(childLocation(loc, 'OriginRequestPolicyId'), 'requires a cache policy (reference §5.1): set CachePolicyId, e.g. ' + `"${CACHING_OPTIMIZED}" (CachingOptimized).`);
  }
  if (behavior.ForwardedValues === undefined) {
    fail(loc, `has neither CachePolicyId nor ForwardedValues: set CachePolicyId, e.g. "${CACHING_OPTIMIZED}" (CachingOptimized).`);
  }
  return compileLegacyForwarding(behavior, pathPattern, compress, loc, diagnostics);
}

/** §7: one cache behavior (or the default one, pattern `*`). */
export function compileBehavior(
  value: unknown,
  loc: JsonLocation,
  isDefault: boolean,
  targets: ReadonlySet<string>,
  policies: PolicyTables,
  diagnostics: Diagnostics,
): BehaviorDraft {
  const behavior = expectObject(value, loc);
  checkUnknownKeys(behavior, isDefault ? BEHAVIOR_KEYS.slice(1) : BEHAVIOR_KEYS, loc, diagnostics);
  const pathPattern = isDefault ? '*' : requiredString(behavior, 'PathPattern', loc, 'e.g. "/images/*"');
  const matches = compilePathPattern(pathPattern, childLocation(loc, 'PathPattern'));
  const targetOriginId = requiredString(behavior, 'TargetOriginId', loc, 'the Id of an origin or origin group');
  if (!targets.has(targetOriginId)) {
    const suggestion = didYouMean(targetOriginId, [...targets]);
    fail(
      childLocation(loc, 'TargetOriginId'),
      `"${targetOriginId}" is not the Id of an origin or origin group` +
        (suggestion ? `; did you mean "${suggestion}"?` : `; use one of ${[...targets].map((t) => `"${t}"`).join(', ')}.`),
    );
  }
  const viewerProtocolPolicy = oneOf(behavior, 'ViewerProtocolPolicy', loc, ['allow-all', 'redirect-to-https', 'https-only'] as const);
  if (viewerProtocolPolicy === undefined) {
    fail(childLocation(loc, 'ViewerProtocolPolicy'), 'is required: use "allow-all", "redirect-to-https" or "https-only".');
  }
  const compress = optionalBoolean(behavior, 'Compress', loc) ?? false;
  const responseHeadersPolicyId = optionalString(behavior, 'ResponseHeadersPolicyId', loc) || undefined;
  const trustedKeys = compileTrustedKeyGroups(behavior, loc, policies.keyGroups, diagnostics);
  const associations = compileLambdaAssociations(behavior, loc, diagnostics);
  const functionAssociations = compileFunctionAssociations(behavior, associations, loc, diagnostics);
  return {
    pathPattern,
    matches,
    targetOriginId,
    viewerProtocolPolicy,
    ...compileMethods(behavior, loc, diagnostics),
    compress,
    ...compileCaching(behavior, pathPattern, compress, loc, policies, diagnostics),
    ...(responseHeadersPolicyId === undefined
      ? {}
      : { responseHeadersPolicy: lookupPolicy(responseHeadersPolicyId, policies.responseHeaders, childLocation(loc, 'ResponseHeadersPolicyId'), 'responseHeadersPolicies') }),
    ...(trustedKeys === undefined ? {} : { trustedKeys }),
    associations,
    functionAssociations,
  };
}
