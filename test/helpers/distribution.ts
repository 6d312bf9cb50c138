/** Builds DistributionConfig JSON in the CloudFront API's shape (Quantity/Items), with short readable inputs. */
type Json = Record<string, unknown>;

export const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
export const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
export const ALL_VIEWER = '216adef6-5c7f-47e4-b989-5492eafa07d3';

export interface BehaviorInput {
  path?: string;
  origin?: string;
  cachePolicyId?: string;
  originRequestPolicyId?: string;
  viewerProtocolPolicy?: string;
  methods?: string[];
  cachedMethods?: string[];
  lambdas?: Partial<Record<'viewer-request' | 'origin-request' | 'origin-response' | 'viewer-response', string>>;
  /** CloudFront Function ARNs by viewer event (reference §9). */
  cloudFrontFunctions?: Partial<Record<'viewer-request' | 'viewer-response', string>>;
  includeBody?: boolean;
  /** `Compress` (default true). */
  compress?: boolean;
  /** Legacy ForwardedValues instead of policies. */
  legacy?: Json;
  /** More CacheBehavior fields (ResponseHeadersPolicyId, TrustedKeyGroups, ...). */
  extra?: Json;
}

const list = (items: unknown[]): Json => (items.length ? { Quantity: items.length, Items: items } : { Quantity: 0 });

function behavior(input: BehaviorInput): Json {
  const methods = input.methods ?? ['GET', 'HEAD'];
  const cached = input.cachedMethods ?? ['GET', 'HEAD'];
  const lambdas = Object.entries(input.lambdas ?? {}).map(([eventType, arn]) => ({
    LambdaFunctionARN: arn,
    EventType: eventType,
    IncludeBody: Boolean(input.includeBody && eventType.endsWith('request')),
  }));
  const out: Json = {
    ...(input.path ? { PathPattern: input.path } : {}),
    TargetOriginId: input.origin ?? 'origin',
    ViewerProtocolPolicy: input.viewerProtocolPolicy ?? 'allow-all',
    AllowedMethods: { ...list(methods), CachedMethods: list(cached) },
    Compress: input.compress ?? true,
    LambdaFunctionAssociations: list(lambdas),
    FunctionAssociations: list(Object.entries(input.cloudFrontFunctions ?? {}).map(([eventType, arn]) => ({ FunctionARN: arn, EventType: eventType }))),
  };
  if (input.extra) Object.assign(out, input.extra);
  if (input.legacy) Object.assign(out, input.legacy);
  else {
    out.CachePolicyId = input.cachePolicyId ?? CACHING_OPTIMIZED;
    if (input.originRequestPolicyId) out.OriginRequestPolicyId = input.originRequestPolicyId;
  }
  return out;
}

/** Per-origin settings beyond the defaults (§6: OriginPath, OriginCustomHeaders; an S3 origin). */
export interface OriginInput {
  originPath?: string;
  customHeaders?: Record<string, string>;
  s3?: boolean;
  connectionAttempts?: number;
  connectionTimeout?: number;
  readTimeout?: number;
}

export interface DistributionInput {
  origins?: string[];
  originOptions?: Record<string, OriginInput>;
  defaultBehavior?: BehaviorInput;
  behaviors?: BehaviorInput[];
  customErrorResponses?: { ErrorCode: number; ResponsePagePath?: string; ResponseCode?: string; ErrorCachingMinTTL?: number }[];
  originGroups?: { id: string; primary: string; secondary: string; statusCodes: number[] }[];
  defaultRootObject?: string;
  /** Alternate domain names (CNAMEs): `Host` values the edge serves beside its domain name and loopback. */
  aliases?: string[];
  /** More DistributionConfig fields (Restrictions, Logging, HttpVersion, ...). */
  extra?: Json;
}

export function makeDistribution(input: DistributionInput = {}): Json {
  const origins = (input.origins ?? ['origin']).map((id) => {
    const options = input.originOptions?.[id] ?? {};
    const customHeaders = Object.entries(options.customHeaders ?? {}).map(([HeaderName, HeaderValue]) => ({ HeaderName, HeaderValue }));
    const kind = options.s3
      ? { S3OriginConfig: { OriginAccessIdentity: '' } }
      : {
          CustomOriginConfig: {
            HTTPPort: 80,
            HTTPSPort: 443,
            OriginProtocolPolicy: 'http-only',
            OriginSslProtocols: list(['TLSv1.2']),
            OriginReadTimeout: options.readTimeout ?? 30,
            OriginKeepaliveTimeout: 5,
          },
        };
    return {
      Id: id,
      DomainName: options.s3 ? `${id}.s3.us-east-1.amazonaws.com` : `${id}.example.com`,
      OriginPath: options.originPath ?? '',
      CustomHeaders: list(customHeaders),
      ...kind,
      ConnectionAttempts: options.connectionAttempts ?? 3,
      ConnectionTimeout: options.connectionTimeout ?? 10,
    };
  });
  return {
    CallerReference: 'edge-dev-test',
    Aliases: list(input.aliases ?? []),
    DefaultRootObject: input.defaultRootObject ?? '',
    Origins: list(origins),
    OriginGroups: list(
      (input.originGroups ?? []).map((group) => ({
        Id: group.id,
        FailoverCriteria: { StatusCodes: list(group.statusCodes) },
        Members: list([{ OriginId: group.primary }, { OriginId: group.secondary }]),
      })),
    ),
    DefaultCacheBehavior: behavior(input.defaultBehavior ?? {}),
    CacheBehaviors: list((input.behaviors ?? []).map(behavior)),
    CustomErrorResponses: list(input.customErrorResponses ?? []),
    Comment: '',
    Enabled: true,
    PriceClass: 'PriceClass_All',
    HttpVersion: 'http2',
    IsIPV6Enabled: true,
    ...input.extra,
  };
}

export const arn = (name: string, version = 1) => `arn:aws:lambda:us-east-1:123456789012:function:${name}:${version}`;
