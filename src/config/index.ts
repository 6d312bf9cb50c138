/**
 * @module config — reads and checks the config file once and compiles the distribution (interface.md).
 */
export type * from './types.js';
export { loadConfig, compileConfig, readRawConfig } from './load-config.js';
export type { LoadedConfig, RawConfig } from './load-config.js';
/** interface.md defaults for `distributionId` and `domainName`. */
export { DEFAULT_DISTRIBUTION_ID, DEFAULT_DOMAIN_NAME } from './raw-config.js';
/** §5.4 / §5.5 managed policies by Id, and the CloudFront-* header names (§6.3). */
export { MANAGED_CACHE_POLICIES, MANAGED_ORIGIN_REQUEST_POLICIES, CLOUDFRONT_HEADERS } from './managed-policies.js';
/** AWS's managed response headers policies by Id (issue 11). */
export { MANAGED_RESPONSE_HEADERS_POLICIES } from './managed-response-headers-policies.js';
/** Splits a Lambda function ARN into Region, account, name and qualifier. */
export { parseLambdaArn, isNumberedVersion } from './lambda-arn.js';
export type { LambdaArn } from './lambda-arn.js';
/** §3.4: whether a name may not be an origin custom header. */
export { isDeniedOriginCustomHeader } from './compile-custom-headers.js';
/** §6.3: edge-dev's default CloudFront-Viewer-* location values. */
export { DEFAULT_GEO } from './compile-settings.js';
/** Issue 15: compiles host names and `*.` wildcards into the matcher the edge checks `Host` against. */
export { compileViewerHosts, hostPattern } from './compile-viewer-hosts.js';
/** JSON text to a value; a syntax error names the file, line and column (also for `check`'s inputs). */
export { parseJsonText, readJsonFileSync } from './parse-json.js';
/** Issue 11: accepted options edge-dev cannot emulate, for the start-up report. */
export { unemulatedOptions } from './unemulated-options.js';
/** Issue 11: a custom response headers policy and what CreateResponseHeadersPolicy would refuse in it. */
export { readResponseHeadersPolicy } from './compile-response-headers-policy.js';
/** Issue 10: the JSON-path locations and JSON reading that sources/ reports its messages with. */
export { childLocation, indexLocation, rootLocation } from './json-location.js';
export type { JsonLocation } from './json-location.js';
export { isObject } from './read-fields.js';
/** §9: a CloudFront Function spec as `serve` builds it (10 KB code, a store only on cloudfront-js-2.0), for invoke and testing. */
export { buildCloudFrontFunctionSpec, MAX_FUNCTION_CODE_BYTES, readKeyValueStoreFile } from './build-cloudfront-function-spec.js';
/** §9: which `functions` entries are CloudFront Functions, and a FunctionARN's NAME (for `check`). */
export { cloudFrontFunctionName, isCloudFrontFunctionEntry } from './compile-cloudfront-functions.js';
