import { MANAGED_CACHE_POLICIES, MANAGED_ORIGIN_REQUEST_POLICIES, MANAGED_RESPONSE_HEADERS_POLICIES } from '../../../config/index.js';
import { ACCOUNT, REGION } from '../../cloudformation/pseudo-parameters.js';
import { Unknown } from './values.js';

type Argument = (name: string) => unknown;
type Attributes = Readonly<Record<string, () => unknown>>;

const text = (value: unknown, then: (s: string) => unknown) => (typeof value === 'string' ? then(value) : value instanceof Unknown ? value : undefined);

function managedId(policies: ReadonlyMap<string, { name: string }>, name: unknown): unknown {
  if (typeof name !== 'string') return undefined;
  for (const [id, policy] of policies) if (policy.name === name) return id;
  return undefined;
}

/**
 * What a resource's attributes are that Terraform computes at apply, where edge-dev can know them as the first deploy
 * would make them (tf:aws "Attribute Reference" of each type; us-east-1 and account 123456789012, as for
 * CloudFormation). A policy's Id is its name, which CloudFront keeps unique per account.
 */
const RESOURCES: Readonly<Record<string, (arg: Argument) => Attributes>> = {
  aws_lambda_function: (arg) => {
    const arn = () => text(arg('function_name'), (name) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`);
    // tf:aws_lambda_function: publish = true makes version 1 on a first apply; else qualified_arn ends in $LATEST.
    const version = () => (arg('publish') === true ? '1' : '$LATEST');
    return { arn, version, qualified_arn: () => text(arn(), (a) => `${a}:${String(version())}`) };
  },
  aws_cloudfront_function: (arg) => ({ arn: () => text(arg('name'), (name) => `arn:aws:cloudfront::${ACCOUNT}:function/${name}`) }),
  aws_cloudfront_key_value_store: (arg) => ({
    id: () => arg('name'),
    arn: () => text(arg('name'), (name) => `arn:aws:cloudfront::${ACCOUNT}:key-value-store/${name}`),
  }),
  aws_cloudfront_cache_policy: (arg) => ({ id: () => arg('name') }),
  aws_cloudfront_origin_request_policy: (arg) => ({ id: () => arg('name') }),
  aws_cloudfront_response_headers_policy: (arg) => ({ id: () => arg('name') }),
  aws_cloudfront_origin_access_control: (arg) => ({ id: () => arg('name') }),
  aws_s3_bucket: (arg) => ({
    id: () => arg('bucket'),
    arn: () => text(arg('bucket'), (b) => `arn:aws:s3:::${b}`),
    bucket_domain_name: () => text(arg('bucket'), (b) => `${b}.s3.amazonaws.com`),
    bucket_regional_domain_name: () => text(arg('bucket'), (b) => `${b}.s3.${REGION}.amazonaws.com`),
  }),
  aws_s3_bucket_website_configuration: (arg) => ({ website_endpoint: () => text(arg('bucket'), (b) => `${b}.s3-website-${REGION}.amazonaws.com`) }),
  aws_lambda_function_url: (arg) => ({
    function_url: () => text(arg('function_name'), (name) => `https://${name.split(':').pop()!.toLowerCase()}.lambda-url.${REGION}.on.aws/`),
  }),
};

// Data sources: managed policies by name (§5.4, §5.5), the caller's account and region.
const DATA: Readonly<Record<string, (arg: Argument) => Attributes>> = {
  aws_cloudfront_cache_policy: (arg) => ({ id: () => arg('id') ?? managedId(MANAGED_CACHE_POLICIES, arg('name')) }),
  aws_cloudfront_origin_request_policy: (arg) => ({ id: () => arg('id') ?? managedId(MANAGED_ORIGIN_REQUEST_POLICIES, arg('name')) }),
  aws_cloudfront_response_headers_policy: (arg) => ({ id: () => arg('id') ?? managedId(MANAGED_RESPONSE_HEADERS_POLICIES, arg('name')) }),
  aws_caller_identity: () => ({ account_id: () => ACCOUNT }),
  aws_region: () => ({ name: () => REGION, id: () => REGION }),
  aws_partition: () => ({ partition: () => 'aws', dns_suffix: () => 'amazonaws.com' }),
};

/** The computed attributes edge-dev knows for a resource (`managed`) or data source (`data`) type. */
export function computedAttributes(mode: 'managed' | 'data', type: string, arg: Argument): Attributes {
  return (mode === 'managed' ? RESOURCES : DATA)[type]?.(arg) ?? {};
}
