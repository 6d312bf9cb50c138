/**
 * CloudFormation's shape of CloudFront configurations (cfn:aws-properties-cloudfront-*) turned into the API's JSON shape
 * (api:DistributionConfig and the policy configs): lists become `{ Quantity, Items }`, renamed fields get the API's
 * names, CachedMethods moves under AllowedMethods, and string booleans and numbers become JSON ones.
 */
import { isObject } from '../../config/index.js';

// cfn:aws-properties-cloudfront-distribution-* names that differ from api:DistributionConfig's.
const RENAMES: Readonly<Record<string, string>> = {
  IPV6Enabled: 'IsIPV6Enabled',
  AcmCertificateArn: 'ACMCertificateArn',
  OriginSSLProtocols: 'OriginSslProtocols',
  OriginCustomHeaders: 'CustomHeaders',
  CNAMEs: 'Aliases',
  SslSupportMethod: 'SSLSupportMethod',
  IamCertificateId: 'IAMCertificateId',
};

const BOOLEANS = new Set([
  'Enabled', 'IsIPV6Enabled', 'Compress', 'SmoothStreaming', 'IncludeBody', 'IncludeCookies', 'CloudFrontDefaultCertificate',
  'EnableAcceptEncodingGzip', 'EnableAcceptEncodingBrotli', 'AccessControlAllowCredentials', 'OriginOverride', 'Override',
  'Staging', 'IncludeSubdomains', 'Preload', 'ModeBlock', 'Protection', 'QueryString',
]);

const NUMBERS = new Set([
  'HTTPPort', 'HTTPSPort', 'OriginReadTimeout', 'OriginKeepaliveTimeout', 'ConnectionAttempts', 'ConnectionTimeout',
  'ResponseCompletionTimeout', 'DefaultTTL', 'MaxTTL', 'MinTTL', 'ErrorCode', 'ErrorCachingMinTTL', 'AccessControlMaxAgeSec',
  'SamplingRate', 'Weight',
]);

// api:CustomErrorResponse: ResponseCode is a string in the API, a number in many templates.
const STRINGS = new Set(['ResponseCode']);

function scalar(key: string, value: unknown): unknown {
  if (BOOLEANS.has(key) && (value === 'true' || value === 'false')) return value === 'true';
  if (NUMBERS.has(key) && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (STRINGS.has(key) && typeof value === 'number') return String(value);
  return value;
}

function list(items: unknown[], convertItem: (item: unknown) => unknown): Record<string, unknown> {
  return items.length ? { Quantity: items.length, Items: items.map(convertItem) } : { Quantity: 0 };
}

/**
 * One CloudFormation-shaped value converted; `key` is the property it sits under. A value already in the API's shape
 * (an exported DistributionConfig) comes back the same.
 */
export function toApiShape(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    // TrustedKeyGroups and TrustedSigners carry Enabled in the API (api:TrustedKeyGroups).
    const wrapped = list(value, (item) => toApiShape(item));
    return key === 'TrustedKeyGroups' || key === 'TrustedSigners' ? { Enabled: value.length > 0, ...wrapped } : wrapped;
  }
  if (!isObject(value)) return scalar(key, value);
  const out: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    const apiName = RENAMES[name] ?? name;
    if (name === 'Items' && Array.isArray(item)) {
      // Already an Items list (origin groups, response headers policies): it only lacks Quantity.
      out.Quantity = item.length;
      if (item.length) out.Items = item.map((entry) => toApiShape(entry));
    } else if (name !== 'Quantity' || !Array.isArray(value.Items)) {
      // An empty API list (`{ Quantity: 0 }`, as get-distribution-config prints it) keeps its Quantity.
      out[apiName] = toApiShape(item, apiName);
    }
  }
  return reshape(key, out);
}

/** The few structures whose API shape is not a renaming of CloudFormation's. */
function reshape(key: string, out: Record<string, unknown>): Record<string, unknown> {
  if (isObject(out.AllowedMethods) && out.CachedMethods !== undefined) {
    out.AllowedMethods = { ...out.AllowedMethods, CachedMethods: out.CachedMethods };
    delete out.CachedMethods;
  }
  if (key === 'GeoRestriction' && isObject(out.Locations)) {
    const { Locations, ...rest } = out;
    return { ...rest, ...Locations };
  }
  if (key === 'Logging' && out.Enabled === undefined) return { Enabled: out.Bucket !== undefined, IncludeCookies: false, Prefix: '', ...out };
  return out;
}
