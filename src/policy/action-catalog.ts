/**
 * §10.3: IAM actions of the two services a Lambda@Edge deploy touches, from the Service Authorization Reference
 * (list_amazoncloudfront, list_awslambda) as of ACTION_CATALOG_DATE. An action of these services that is not
 * listed grants nothing if AWS does not define it, so it is a warning. Other services are not checked.
 */

export const ACTION_CATALOG_DATE = '2026-02-01';

function expand(groups: Record<string, string>): Set<string> {
  const out = new Set<string>();
  for (const [verb, nouns] of Object.entries(groups)) {
    for (const noun of nouns.split(/\s+/).filter(Boolean)) out.add(`${verb}${noun === '-' ? '' : noun}`.toLowerCase());
  }
  return out;
}

const CLOUDFRONT = expand({
  Create:
    'AnycastIpList CachePolicy CloudFrontOriginAccessIdentity ConnectionFunction ConnectionGroup ContinuousDeploymentPolicy Distribution DistributionTenant FieldLevelEncryptionConfig FieldLevelEncryptionProfile Function Invalidation InvalidationForDistributionTenant KeyGroup KeyValueStore MonitoringSubscription OriginAccessControl OriginRequestPolicy PublicKey RealtimeLogConfig ResponseHeadersPolicy SavingsPlan StreamingDistribution TrustStore VpcOrigin',
  Delete:
    'AnycastIpList CachePolicy CloudFrontOriginAccessIdentity ConnectionFunction ConnectionGroup ContinuousDeploymentPolicy Distribution DistributionTenant FieldLevelEncryptionConfig FieldLevelEncryptionProfile Function KeyGroup KeyValueStore MonitoringSubscription OriginAccessControl OriginRequestPolicy PublicKey RealtimeLogConfig ResourcePolicy ResponseHeadersPolicy StreamingDistribution TrustStore VpcOrigin',
  Get:
    'AnycastIpList CachePolicy CachePolicyConfig CloudFrontOriginAccessIdentity CloudFrontOriginAccessIdentityConfig ConnectionFunction ConnectionGroup ConnectionGroupByRoutingEndpoint ContinuousDeploymentPolicy ContinuousDeploymentPolicyConfig Distribution DistributionConfig DistributionTenant DistributionTenantByDomain FieldLevelEncryption FieldLevelEncryptionConfig FieldLevelEncryptionProfile FieldLevelEncryptionProfileConfig Function Invalidation InvalidationForDistributionTenant KeyGroup KeyGroupConfig ManagedCertificateDetails MonitoringSubscription OriginAccessControl OriginAccessControlConfig OriginRequestPolicy OriginRequestPolicyConfig PublicKey PublicKeyConfig RealtimeLogConfig ResourcePolicy ResponseHeadersPolicy ResponseHeadersPolicyConfig SavingsPlan StreamingDistribution StreamingDistributionConfig TrustStore VpcOrigin',
  List:
    'AnycastIpLists CachePolicies CloudFrontOriginAccessIdentities ConflictingAliases ConnectionFunctions ConnectionGroups ContinuousDeploymentPolicies DistributionTenants DistributionTenantsByCustomization Distributions DistributionsByAnycastIpListId DistributionsByCachePolicyId DistributionsByConnectionMode DistributionsByKeyGroup DistributionsByLambdaFunction DistributionsByOriginRequestPolicyId DistributionsByOwnedResource DistributionsByRealtimeLogConfig DistributionsByResponseHeadersPolicyId DistributionsByVpcOriginId DistributionsByWebACLId DomainConflicts FieldLevelEncryptionConfigs FieldLevelEncryptionProfiles Functions Invalidations InvalidationsForDistributionTenant KeyGroups KeyValueStores OriginAccessControls OriginRequestPolicies PublicKeys RateCards RealtimeLogConfigs ResponseHeadersPolicies SavingsPlans StreamingDistributions TagsForResource TrustStores Usages VpcOrigins',
  Update:
    'AnycastIpList CachePolicy CloudFrontOriginAccessIdentity ConnectionFunction ConnectionGroup ContinuousDeploymentPolicy Distribution DistributionTenant DistributionWithStagingConfig DomainAssociation FieldLevelEncryptionConfig FieldLevelEncryptionProfile Function KeyGroup KeyValueStore OriginAccessControl OriginRequestPolicy PublicKey RealtimeLogConfig ResponseHeadersPolicy SavingsPlan StreamingDistribution TrustStore VpcOrigin',
  Associate: 'Alias DistributionTenantWebACL DistributionWebACL',
  Disassociate: 'DistributionTenantWebACL DistributionWebACL',
  Describe: 'ConnectionFunction Function KeyValueStore',
  Publish: 'ConnectionFunction Function',
  Test: 'ConnectionFunction Function',
  '': 'AllowVendedLogDeliveryForResource CopyDistribution PutResourcePolicy TagResource UntagResource VerifyDnsConfiguration',
});

const LAMBDA = expand({
  Create: 'Alias CapacityProvider CodeSigningConfig EventSourceMapping Function FunctionUrlConfig',
  Delete:
    'Alias CapacityProvider CodeSigningConfig EventSourceMapping Function FunctionCodeSigningConfig FunctionConcurrency FunctionEventInvokeConfig FunctionUrlConfig LayerVersion ProvisionedConcurrencyConfig',
  Get:
    'AccountSettings Alias CapacityProvider CodeSigningConfig DurableExecution DurableExecutionHistory DurableExecutionState EventSourceMapping Function FunctionCodeSigningConfig FunctionConcurrency FunctionConfiguration FunctionEventInvokeConfig FunctionRecursionConfig FunctionScalingConfig FunctionUrlConfig LayerVersion LayerVersionPolicy Policy ProvisionedConcurrencyConfig RuntimeManagementConfig',
  List:
    'Aliases CapacityProviders CodeSigningConfigs DurableExecutionsByFunction EventSourceMappings FunctionEventInvokeConfigs FunctionUrlConfigs FunctionVersionsByCapacityProvider Functions FunctionsByCodeSigningConfig LayerVersions Layers ProvisionedConcurrencyConfigs Tags VersionsByFunction',
  Put: 'FunctionCodeSigningConfig FunctionConcurrency FunctionEventInvokeConfig FunctionRecursionConfig FunctionScalingConfig ProvisionedConcurrencyConfig RuntimeManagementConfig',
  Update:
    'Alias CapacityProvider CodeSigningConfig EventSourceMapping FunctionCode FunctionCodeSigningConfig FunctionConfiguration FunctionEventInvokeConfig FunctionUrlConfig',
  Invoke: '- Async Function FunctionUrl',
  Publish: 'LayerVersion Version',
  Add: 'LayerVersionPermission Permission',
  Remove: 'LayerVersionPermission Permission',
  SendDurableExecutionCallback: 'Failure Heartbeat Success',
  '': 'CheckpointDurableExecution DisableReplication EnableReplication StopDurableExecution TagResource UntagResource',
});

const CATALOG: Record<string, Set<string>> = { cloudfront: CLOUDFRONT, lambda: LAMBDA };

/** API operations that are not IAM actions, with what authorises them instead (§10.3). */
export const NOT_ACTIONS: ReadonlyMap<string, string> = new Map([
  ['cloudfront:createdistributionwithtags', 'cloudfront:CreateDistribution and cloudfront:TagResource'],
  ['cloudfront:createstreamingdistributionwithtags', 'cloudfront:CreateStreamingDistribution and cloudfront:TagResource'],
]);

/** Is a literal action (no wildcard) unknown to the catalog? `undefined` when the service is not catalogued. */
export function isKnownAction(action: string): boolean | undefined {
  const lower = action.toLowerCase();
  const colon = lower.indexOf(':');
  if (colon < 0) return false;
  const set = CATALOG[lower.slice(0, colon)];
  if (!set) return undefined;
  return set.has(lower.slice(colon + 1));
}
