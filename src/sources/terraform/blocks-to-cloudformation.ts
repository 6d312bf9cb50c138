import { isObject } from '../../config/index.js';

/**
 * The AWS provider's snake_case arguments and blocks (tf:aws_cloudfront_distribution and the policy resources) in
 * CloudFormation's shape, which shared/api-shape.ts then turns into the API's. Terraform gives every block as a list:
 * repeated blocks stay lists, the others become their single object.
 */
const REPEATED: Readonly<Record<string, string>> = {
  origin: 'Origins',
  ordered_cache_behavior: 'CacheBehaviors',
  custom_error_response: 'CustomErrorResponses',
  lambda_function_association: 'LambdaFunctionAssociations',
  function_association: 'FunctionAssociations',
  custom_header: 'CustomHeaders',
  origin_group: 'OriginGroups',
  member: 'Members',
};

const NAMES: Readonly<Record<string, string>> = {
  is_ipv6_enabled: 'IsIPV6Enabled',
  acm_certificate_arn: 'ACMCertificateArn',
  ssl_support_method: 'SSLSupportMethod',
  iam_certificate_id: 'IAMCertificateId',
  http_port: 'HTTPPort',
  https_port: 'HTTPSPort',
  origin_ssl_protocols: 'OriginSslProtocols',
  web_acl_id: 'WebACLId',
  min_ttl: 'MinTTL',
  default_ttl: 'DefaultTTL',
  max_ttl: 'MaxTTL',
  error_caching_min_ttl: 'ErrorCachingMinTTL',
  logging_config: 'Logging',
  lambda_arn: 'LambdaFunctionARN',
  function_arn: 'FunctionARN',
  xss_protection: 'XSSProtection',
  realtime_log_config_arn: 'RealtimeLogConfigArn',
};

// Per enclosing block: origin_id is an origin's or group's Id, a member's OriginId; a custom header's name and value.
const IN_BLOCK: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  origin: { origin_id: 'Id' },
  origin_group: { origin_id: 'Id' },
  member: { origin_id: 'OriginId' },
  custom_header: { name: 'HeaderName', value: 'HeaderValue' },
};

// Terraform-only arguments and attributes computed after apply (tf:aws_cloudfront_distribution "Attribute Reference").
const IGNORED = new Set([
  'retain_on_delete', 'wait_for_deployment', 'tags', 'tags_all', 'id', 'arn', 'caller_reference', 'etag', 'hosted_zone_id',
  'in_progress_validation_batches', 'last_modified_time', 'status', 'trusted_key_groups_computed', 'domain_name_computed',
]);

const pascal = (name: string) => name.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());

function convertBlock(block: Record<string, unknown>, blockName: string, top: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(block)) {
    // Unset optional arguments: Terraform's state holds them as null, "" or [].
    if (value === null || (Array.isArray(value) && value.length === 0)) continue;
    if (value === '' && key !== 'origin_access_identity') continue;
    if (IGNORED.has(key) || (top && (key === 'domain_name' || key === 'trusted_key_groups' || key === 'trusted_signers'))) continue;
    const name = IN_BLOCK[blockName]?.[key] ?? REPEATED[key] ?? NAMES[key] ?? pascal(key);
    if (Array.isArray(value) && value.some(isObject)) {
      const items = value.filter(isObject).map((item) => convertBlock(item, key, false));
      out[name] = key in REPEATED ? items : items[0];
    } else {
      out[name] = value;
    }
  }
  // api:CacheBehavior: with a cache policy, the legacy TTLs Terraform fills with 0 and ForwardedValues do not apply.
  if (typeof out.CachePolicyId === 'string') {
    for (const legacy of ['MinTTL', 'DefaultTTL', 'MaxTTL', 'ForwardedValues']) delete out[legacy];
  }
  return out;
}

/** A resource's values (state, plan, or evaluated HCL) in CloudFormation's shape. */
export function blocksToCloudFormation(values: Record<string, unknown>): Record<string, unknown> {
  return convertBlock(values, '', true);
}
