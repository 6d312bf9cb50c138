/** The DistributionConfig in the API's JSON shape, as far as this check reads it. */
type Json = Record<string, unknown>;

const items = (list: unknown): Json[] => (Array.isArray((list as Json | undefined)?.Items) ? ((list as Json).Items as Json[]) : []);

/**
 * Issue 11: options CloudFront has that edge-dev accepts but cannot emulate locally, one line each, to be reported
 * once at start-up (WAF, Origin Shield, field-level encryption, price class, continuous deployment). `Logging` is
 * emulated: server/access-log-writer.ts writes the standard log.
 */
export function unemulatedOptions(dist: Json): string[] {
  const out: string[] = [];
  if (typeof dist.WebACLId === 'string' && dist.WebACLId !== '') out.push(`WebACLId ${dist.WebACLId}: AWS WAF rules are not evaluated`);
  const shielded = items(dist.Origins).filter((o) => (o.OriginShield as Json | undefined)?.Enabled === true).map((o) => o.Id);
  if (shielded.length) out.push(`OriginShield on ${shielded.join(', ')}: one local cache stands for the edge, regional and Origin Shield layers`);
  const behaviors = [dist.DefaultCacheBehavior as Json | undefined, ...items(dist.CacheBehaviors)].filter((b): b is Json => b !== undefined);
  if (behaviors.some((b) => typeof b.FieldLevelEncryptionId === 'string' && b.FieldLevelEncryptionId !== '')) out.push('FieldLevelEncryptionId: field-level encryption is not applied');
  if (typeof dist.PriceClass === 'string' && dist.PriceClass !== 'PriceClass_All') out.push(`PriceClass ${dist.PriceClass}: edge-dev is one local edge location`);
  if ((typeof dist.ContinuousDeploymentPolicyId === 'string' && dist.ContinuousDeploymentPolicyId !== '') || dist.Staging === true) {
    out.push('continuous deployment (ContinuousDeploymentPolicyId / Staging): no staging distribution or traffic split');
  }
  if (behaviors.some((b) => (b.TrustedSigners as Json | undefined)?.Enabled === true)) {
    out.push('TrustedSigners (CloudFront key pairs of AWS accounts): not checked; use TrustedKeyGroups with publicKeys/keyGroups');
  }
  return out;
}
