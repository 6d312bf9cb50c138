/**
 * The compiled distribution: what `config/` makes of the user's config file once, at load time,
 * and what the request path reads. Everything here is validated and frozen; the hot path trusts it.
 */
import type { LambdaEventType, CfHeaders, ViewerEventType } from '../event/types.js';
import type { FunctionSpec } from '../runtime/types.js';
import type { CloudFrontFunctionSpec } from '../functions/types.js';
import type { TrustedKeys } from '../signing/types.js';

export type ViewerProtocolPolicy = 'allow-all' | 'redirect-to-https' | 'https-only';

/** §5.1 / §5.2: what goes into the cache key (and so is also forwarded). Header names are lower-case; query-string and cookie names keep their case (they are case-sensitive). */
export interface CacheKeyPolicy {
  /** Id of a managed or custom policy, or `legacy:<behavior path>` for ForwardedValues. */
  id: string;
  name: string;
  minTTL: number;
  defaultTTL: number;
  maxTTL: number;
  headers: { behavior: 'none' | 'whitelist'; names: readonly string[] };
  cookies: { behavior: 'none' | 'whitelist' | 'allExcept' | 'all'; names: readonly string[] };
  queryStrings: { behavior: 'none' | 'whitelist' | 'allExcept' | 'all'; names: readonly string[] };
  /** §5.3 (and D33 for legacy `Compress: true`). */
  enableAcceptEncodingGzip: boolean;
  enableAcceptEncodingBrotli: boolean;
  /**
   * §5.2: the `*` / `?` names of a legacy cookie whitelist, compiled once by config; cookies matching it are in the
   * key and forwarded like the listed names. Undefined when no name has a wildcard (and for cache policies).
   */
  cookiePattern?: RegExp;
}

/** §5.5: what an origin request policy adds to the origin request without adding it to the key. */
export interface OriginRequestPolicy {
  id: string;
  name: string;
  headers: {
    behavior: 'none' | 'whitelist' | 'allViewer' | 'allViewerAndWhitelistCloudFront' | 'allExcept';
    names: readonly string[];
  };
  cookies: { behavior: 'none' | 'whitelist' | 'allExcept' | 'all'; names: readonly string[] };
  queryStrings: { behavior: 'none' | 'whitelist' | 'allExcept' | 'all'; names: readonly string[] };
}

/**
 * §5.2: a behavior on legacy `ForwardedValues`. Its key inputs are also expressed as a CacheKeyPolicy;
 * these flags carry what a policy cannot say.
 */
export interface LegacyForwarding {
  /** All query strings are forwarded; only `queryStringCacheKeys` (or all when empty) are in the key. */
  forwardAllQueryStrings: boolean;
  /** `Headers` = `*`: all headers forwarded, nothing cached. */
  forwardAllHeaders: boolean;
}

export interface LambdaAssociation {
  eventType: LambdaEventType;
  /** The association's ARN as written (versioned in a deployable config). */
  arn: string;
  includeBody: boolean;
  fn: FunctionSpec;
}

/** §9: a CloudFront Function on a viewer event of a behavior. */
export interface CloudFrontFunctionAssociation {
  eventType: ViewerEventType;
  /** The association's FunctionARN as written. */
  arn: string;
  fn: CloudFrontFunctionSpec;
}

export interface CompiledBehavior {
  /** `*` for the default behavior. */
  pathPattern: string;
  /** Compiled once (reference §7.1): exact compare, prefix, or RegExp only for inner wildcards. */
  matches(path: string): boolean;
  targetOriginId: string;
  viewerProtocolPolicy: ViewerProtocolPolicy;
  /** Upper-case method names. */
  allowedMethods: ReadonlySet<string>;
  cachedMethods: ReadonlySet<string>;
  compress: boolean;
  cachePolicy: CacheKeyPolicy;
  originRequestPolicy?: OriginRequestPolicy;
  legacy?: LegacyForwarding;
  /** At most one per event type (api:LambdaFunctionAssociations). */
  lambda: Partial<Record<LambdaEventType, LambdaAssociation>>;
  /** §9: CloudFront Functions, at most one per viewer event; absent when the behavior has none. */
  cloudFrontFunctions?: Partial<Record<ViewerEventType, CloudFrontFunctionAssociation>>;
  /** Issue 11: public keys of the behavior's TrustedKeyGroups; requests must be signed with one of them. */
  trustedKeys?: TrustedKeys;
  /** Issue 11: the behavior's response headers policy (`ResponseHeadersPolicyId`). */
  responseHeadersPolicy?: ResponseHeadersPolicy;
}

/** Issue 11: one header a response headers policy adds (security or custom header). */
export interface PolicyHeader {
  /** Lower-case. */
  name: string;
  /** As written. */
  key: string;
  value: string;
  /** `Override`: replace the origin's header of that name; otherwise the origin's wins. */
  override: boolean;
}

/** Issue 11: a policy's CorsConfig; methods upper-case, `ALL` expanded. */
export interface CorsHeaders {
  allowOrigins: readonly string[];
  allowHeaders: readonly string[];
  allowMethods: readonly string[];
  exposeHeaders: readonly string[];
  allowCredentials: boolean;
  maxAgeSec?: number;
  originOverride: boolean;
}

/** Issue 11: a managed or custom response headers policy (dg:understanding-response-headers-policies). */
export interface ResponseHeadersPolicy {
  id: string;
  name: string;
  cors?: CorsHeaders;
  /** Security headers, then custom headers. */
  headers: readonly PolicyHeader[];
  /** Lower-case names from RemoveHeadersConfig. */
  removeHeaders: ReadonlySet<string>;
  /** ServerTimingHeadersConfig when enabled: percentage 0–100. */
  serverTimingSamplingRate?: number;
}

/** Where an origin Id lives locally (interface.md `origins`). */
export type OriginLocation =
  | { kind: 'url'; protocol: 'http' | 'https'; host: string; port: number; basePath: string }
  | { kind: 'directory'; root: string };

export interface CompiledOrigin {
  id: string;
  /** The DomainName from the DistributionConfig (what `Host` and events show). */
  domainName: string;
  originPath: string;
  /** §3.4: the origin's custom headers, lower-case name to value. */
  customHeaders: CfHeaders;
  kind: 'custom' | 's3';
  /** S3 with an origin access identity (D11). */
  s3AuthMethod?: 'origin-access-identity' | 'none';
  s3Region?: string;
  /** Custom origin settings (§4 distribution origin timeouts). */
  protocolPolicy: 'http-only' | 'https-only' | 'match-viewer';
  httpPort: number;
  httpsPort: number;
  readTimeoutSeconds: number;
  keepaliveTimeoutSeconds: number;
  connectionTimeoutSeconds: number;
  connectionAttempts: number;
  sslProtocols: readonly string[];
  location: OriginLocation;
  /** A CloudFront Function's `updateRequestOrigin({ hostHeader })`: sent as `Host` instead of the domain name. */
  hostHeader?: string;
}

/** §2.5 / §7.6. */
export interface CompiledOriginGroup {
  id: string;
  primary: string;
  secondary: string;
  failoverStatusCodes: ReadonlySet<number>;
}

/** §7.5. */
export interface CustomErrorResponse {
  errorCode: number;
  responsePagePath?: string;
  responseCode?: number;
  /** Seconds; default 10 (§5.8). */
  errorCachingMinTTL: number;
}

/** Issue 15: names the edge serves, lower-case: exact names and `*.` wildcard suffixes (`.example.com`). */
export interface ViewerHosts {
  exact: ReadonlySet<string>;
  suffixes: readonly string[];
}

export interface CompiledDistribution {
  /** The config file it came from, for messages. */
  file: string;
  distributionId: string;
  domainName: string;
  /** `arn:aws:cloudfront::<account>:distribution/<id>`, when an account is known (from the associations' ARNs). */
  arn?: string;
  enabled: boolean;
  defaultRootObject?: string;
  /** The domain name, the `Aliases` and `settings.allowedHosts` (interface.md › Viewer hosts). */
  viewerHosts: ViewerHosts;
  /** In list order, the default behavior last (§7.1). */
  behaviors: readonly CompiledBehavior[];
  origins: ReadonlyMap<string, CompiledOrigin>;
  originGroups: ReadonlyMap<string, CompiledOriginGroup>;
  customErrorResponses: ReadonlyMap<number, CustomErrorResponse>;
  /** Every function the distribution uses, by ARN as associated. */
  functions: ReadonlyMap<string, FunctionSpec>;
  /** The raw DistributionConfig in the API's JSON shape, for the control API. */
  raw: unknown;
  /** The ETag the control API reports. */
  etag: string;
  /** Deploy-time problems CloudFront would reject later (point at `edge-dev check`). */
  warnings: readonly string[];
  /** edge-dev's own options from the config file's `settings`, defaults filled in (always set by `config/`). */
  settings?: EdgeSettings;
  /**
   * Every `functions` entry of the config file by its key (ARN, unversioned ARN or bare name), so `invoke` can run
   * a function by the name the user wrote. Timeout defaults as for associations; unassociated ones as viewer (D50).
   */
  functionsByKey?: ReadonlyMap<string, FunctionSpec>;
  /** Issue 11: who may not be served, by viewer country. */
  geoRestriction?: GeoRestriction;
  /** §9: every CloudFront Function of the `functions` entries, by function name (TestFunction, invoke). */
  cloudFrontFunctions?: ReadonlyMap<string, CloudFrontFunctionSpec>;
}

/** Issue 11: `Restrictions.GeoRestriction` (dg:georestrictions). */
export interface GeoRestriction {
  type: 'whitelist' | 'blacklist';
  /** ISO 3166-1 alpha-2 codes. */
  countries: ReadonlySet<string>;
}

/** The config file's optional `settings` object: edge-dev's own options, not CloudFront's. */
export interface EdgeSettings {
  /**
   * D43: what a request on the plain (non-TLS) listener counts as. `"https"` (default) lets `redirect-to-https` and
   * `https-only` behaviors work locally; `"http"` makes the plain listener behave as real plain HTTP.
   */
  viewerProtocol: 'https' | 'http';
  /**
   * §6.3: default values of the `CloudFront-Viewer-*` location headers, lower-case header name to value
   * (e.g. `cloudfront-viewer-country: "US"`). The config gives them by header name; tests override per request.
   */
  geo: Readonly<Record<string, string>>;
  /** The Region the emulated replicas run in (`AWS_REGION`, log group Region). Default `us-east-1`. */
  region: string;
  /** Upper bound of the local cache's stored bytes. Default 268,435,456 (256 MiB). */
  cacheMaxBytes: number;
  /** More `Host` names the edge answers, beside the domain name, Aliases and loopback (interface.md › Viewer hosts). */
  allowedHosts: readonly string[];
}
