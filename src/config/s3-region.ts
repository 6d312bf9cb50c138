/**
 * D11: the bucket Region from an S3 origin's DomainName (`bucket.s3.eu-west-1.amazonaws.com`,
 * `bucket.s3-eu-west-1.amazonaws.com`, `bucket.s3.dualstack.eu-west-1.amazonaws.com`; the global
 * `bucket.s3.amazonaws.com` is us-east-1). Undefined when the name says nothing.
 */
export function s3RegionFromDomain(domainName: string): string | undefined {
  const name = domainName.toLowerCase();
  if (/\.s3\.amazonaws\.com$/.test(name)) return 'us-east-1';
  const match = /\.s3[.-](?:dualstack\.)?([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com(?:\.cn)?$/.exec(name);
  return match?.[1];
}
