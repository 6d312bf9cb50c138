import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { CloudFrontFunctionAssociation, LambdaAssociation, CompiledBehavior, CompiledDistribution, CompiledOrigin } from './types.js';
import type { LambdaEventType, ViewerEventType } from '../event/types.js';
import type { CloudFrontFunctionSpec } from '../functions/index.js';
import type { AssociationDraft } from './compile-associations.js';
import { checkUnknownKeys } from './check-unknown-keys.js';
import { compileBehavior, type BehaviorDraft } from './compile-behavior.js';
import { cloudFrontFunctionName, isCloudFrontFunctionEntry, resolveCloudFrontFunctions } from './compile-cloudfront-functions.js';
import { compileErrorResponses } from './compile-error-responses.js';
import { compileGeoRestriction } from './compile-geo-restriction.js';
import { compileOrigin } from './compile-origin.js';
import { compileOriginGroups } from './compile-origin-groups.js';
import { compilePolicyTables } from './compile-policy-tables.js';
import { compileSettings } from './compile-settings.js';
import { compileViewerHosts, readAliases } from './compile-viewer-hosts.js';
import { didYouMean } from '../event/index.js';
import { childLocation, fail, indexLocation, warn, type Diagnostics, type JsonLocation } from './json-location.js';
import { expectObject, isObject, listItems, optionalBoolean, optionalString } from './read-fields.js';
import { parseLambdaArn } from './lambda-arn.js';
import { readRawParts } from './raw-config.js';
import { resolveFunctions } from './resolve-functions.js';

const DISTRIBUTION_KEYS = [
  'CallerReference', 'Aliases', 'DefaultRootObject', 'Origins', 'OriginGroups', 'DefaultCacheBehavior', 'CacheBehaviors',
  'CustomErrorResponses', 'Comment', 'Logging', 'PriceClass', 'Enabled', 'ViewerCertificate', 'Restrictions', 'WebACLId',
  'HttpVersion', 'IsIPV6Enabled', 'ContinuousDeploymentPolicyId', 'Staging', 'AnycastIpListId', 'TenantConfig',
  'ConnectionMode', 'ViewerMtlsConfig', 'ConnectionFunctionAssociation', 'CacheTagConfig',
];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** An ETag in CloudFront's look (`E` + 13 upper-case characters), stable while the DistributionConfig is unchanged. */
export function distributionEtag(raw: unknown): string {
  const digest = createHash('sha256').update(JSON.stringify(raw)).digest('hex');
  return `E${BigInt(`0x${digest.slice(0, 16)}`).toString(36).toUpperCase().padStart(13, '0').slice(0, 13)}`;
}

function finishBehavior(
  draft: BehaviorDraft,
  specs: ReturnType<typeof resolveFunctions>['byArn'],
  cloudFrontSpecs: ReadonlyMap<string, CloudFrontFunctionSpec>,
): CompiledBehavior {
  const { associations, functionAssociations, ...rest } = draft;
  const lambda: Partial<Record<LambdaEventType, LambdaAssociation>> = {};
  for (const { eventType, arn, includeBody } of associations) {
    lambda[eventType] = Object.freeze({ eventType, arn, includeBody, fn: specs.get(arn)! });
  }
  const behavior: CompiledBehavior = { ...rest, lambda: Object.freeze(lambda) };
  if (functionAssociations.length) {
    const cloudFrontFunctions: Partial<Record<ViewerEventType, CloudFrontFunctionAssociation>> = {};
    for (const { eventType, arn } of functionAssociations) cloudFrontFunctions[eventType] = Object.freeze({ eventType, arn, fn: cloudFrontSpecs.get(arn)! });
    behavior.cloudFrontFunctions = Object.freeze(cloudFrontFunctions);
  }
  return Object.freeze(behavior);
}

// api:CacheBehavior: each PathPattern once; a later duplicate can never match (§7.1 first match wins).
function warnDuplicatePatterns(drafts: readonly BehaviorDraft[], loc: JsonLocation, diagnostics: Diagnostics): void {
  const seen = new Set<string>();
  drafts.slice(0, -1).forEach((draft, i) => {
    if (seen.has(draft.pathPattern)) {
      warn(diagnostics, indexLocation(childLocation(loc, 'Items'), i), `PathPattern "${draft.pathPattern}" repeats an earlier behavior, so this one never matches; CloudFront rejects duplicates at deploy time (run \`edge-dev check\`).`);
    }
    seen.add(draft.pathPattern);
  });
}

/** The whole compile: config JSON (already parsed) to a frozen CompiledDistribution and the files it depends on. */
export function compileDistribution(json: unknown, file: string, sourceWarnings: readonly string[] = []): { distribution: CompiledDistribution; files: string[] } {
  const diagnostics: Diagnostics = { warnings: [...sourceWarnings] };
  const parts = readRawParts(json, file, diagnostics);
  const { root } = parts;
  const settings = compileSettings(parts.json.settings, childLocation(root, 'settings'), diagnostics);
  const policies = compilePolicyTables(parts.json, root, diagnostics);
  const dist = parts.distribution.config;
  const dLoc = parts.distribution.loc;
  checkUnknownKeys(dist, DISTRIBUTION_KEYS, dLoc, diagnostics);

  const originItems = listItems(dist, 'Origins', dLoc, diagnostics);
  if (originItems.length === 0) fail(childLocation(dLoc, 'Origins'), 'lists no origins: add at least one to Origins.Items.');
  const localLoc = childLocation(root, 'origins');
  const local = expectObject(parts.json.origins ?? {}, localLoc, 'an object mapping origin Ids to URLs or directories');
  const ids = originItems.map(({ value }) => (isObject(value) ? value.Id : undefined)).filter((id): id is string => typeof id === 'string');
  for (const id of Object.keys(local)) {
    if (!ids.includes(id)) {
      const suggestion = didYouMean(id, ids);
      fail(childLocation(localLoc, id), `"${id}" is not an origin Id of the distribution${suggestion ? `; did you mean "${suggestion}"?` : `; use one of ${ids.map((i) => `"${i}"`).join(', ')}.`}`);
    }
  }
  const origins = new Map<string, CompiledOrigin>();
  for (const item of originItems) {
    const id = isObject(item.value) ? item.value.Id : undefined;
    const entry = typeof id === 'string' && id in local ? { value: local[id], loc: childLocation(localLoc, id) } : undefined;
    const origin = compileOrigin(item.value, item.loc, entry, file, settings, diagnostics);
    if (origins.has(origin.id)) fail(childLocation(item.loc, 'Id'), `"${origin.id}" is used by two origins; origin Ids must be unique.`);
    origins.set(origin.id, origin);
  }
  const originGroups = compileOriginGroups(dist, dLoc, new Set(origins.keys()), diagnostics);
  const targets = new Set([...origins.keys(), ...originGroups.keys()]);

  // §7.1: list order, the default behavior last.
  const drafts = listItems(dist, 'CacheBehaviors', dLoc, diagnostics).map((item) =>
    compileBehavior(item.value, item.loc, false, targets, policies, diagnostics),
  );
  const defaultLoc = childLocation(dLoc, 'DefaultCacheBehavior');
  if (dist.DefaultCacheBehavior === undefined) fail(defaultLoc, 'is required: every distribution has a default cache behavior.');
  drafts.push(compileBehavior(dist.DefaultCacheBehavior, defaultLoc, true, targets, policies, diagnostics));
  warnDuplicatePatterns(drafts, childLocation(dLoc, 'CacheBehaviors'), diagnostics);

  // interface.md › CloudFront Functions: `functions` holds both kinds; split them before resolving either.
  const functionAssociations = drafts.flatMap((draft) => draft.functionAssociations);
  const associatedNames = new Set(functionAssociations.map((a) => cloudFrontFunctionName(a.arn)).filter((n): n is string => n !== undefined));
  const lambdaEntries: Record<string, unknown> = {};
  const cloudFrontEntries: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parts.raw.functions)) {
    (isCloudFrontFunctionEntry(key, value, associatedNames) ? cloudFrontEntries : lambdaEntries)[key] = value;
  }
  const cloudFront = resolveCloudFrontFunctions(cloudFrontEntries, childLocation(root, 'functions'), functionAssociations, file, diagnostics);
  const functions = resolveFunctions(
    lambdaEntries,
    childLocation(root, 'functions'),
    drafts.flatMap((draft): AssociationDraft[] => draft.associations),
    file,
    settings,
    diagnostics,
  );
  const behaviors = Object.freeze(drafts.map((draft) => finishBehavior(draft, functions.byArn, cloudFront.byArn)));

  // §7.4: the object name without a leading `/`.
  const defaultRootObject = optionalString(dist, 'DefaultRootObject', dLoc) || undefined;
  if (defaultRootObject?.startsWith('/')) {
    warn(diagnostics, childLocation(dLoc, 'DefaultRootObject'), `write "${defaultRootObject.slice(1)}" without the leading "/" (reference §7.4).`);
  }
  const raw = deepFreeze(structuredClone(dist));
  const distribution: CompiledDistribution = {
    file,
    distributionId: parts.raw.distributionId,
    domainName: parts.raw.domainName,
    viewerHosts: compileViewerHosts([parts.raw.domainName, ...readAliases(dist, dLoc, diagnostics), ...settings.allowedHosts]),
    enabled: optionalBoolean(dist, 'Enabled', dLoc) ?? true,
    behaviors,
    origins,
    originGroups,
    customErrorResponses: compileErrorResponses(dist, dLoc, diagnostics),
    functions: functions.byArn,
    raw,
    etag: distributionEtag(raw),
    warnings: Object.freeze(diagnostics.warnings),
    settings,
    functionsByKey: functions.byKey,
    cloudFrontFunctions: cloudFront.byName,
  };
  if (defaultRootObject !== undefined) distribution.defaultRootObject = defaultRootObject;
  const geoRestriction = compileGeoRestriction(dist, dLoc, diagnostics);
  if (geoRestriction) distribution.geoRestriction = geoRestriction;
  const account = [...functions.byArn.keys()].map((arn) => parseLambdaArn(arn)?.account).find((a) => a !== undefined);
  if (account !== undefined) distribution.arn = `arn:aws:cloudfront::${account}:distribution/${distribution.distributionId}`;
  const files = [resolve(file), ...(parts.distribution.file ? [resolve(parts.distribution.file)] : []), ...functions.modulePaths, ...cloudFront.files];
  return { distribution: Object.freeze(distribution), files };
}
