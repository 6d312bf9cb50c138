import type { CompiledOrigin, EdgeSettings, OriginLocation } from './types.js';
import { checkUnknownKeys } from './check-unknown-keys.js';
import { compileCustomHeaders } from './compile-custom-headers.js';
import { compileOriginLocation } from './compile-origin-location.js';
import { childLocation, fail, indexLocation, warn, type Diagnostics, type JsonLocation } from './json-location.js';
import { expectObject, oneOf, optionalNumber, optionalString, requiredString, stringList } from './read-fields.js';
import { s3RegionFromDomain } from './s3-region.js';

const ORIGIN_KEYS = [
  'Id',
  'DomainName',
  'OriginPath',
  'CustomHeaders',
  'S3OriginConfig',
  'CustomOriginConfig',
  'VpcOriginConfig',
  'ConnectionAttempts',
  'ConnectionTimeout',
  'ResponseCompletionTimeout',
  'OriginShield',
  'OriginAccessControlId',
];
const CUSTOM_KEYS = [
  'HTTPPort',
  'HTTPSPort',
  'OriginProtocolPolicy',
  'OriginSslProtocols',
  'OriginReadTimeout',
  'OriginKeepaliveTimeout',
  'IpAddressType',
  'OriginMtlsConfig',
];
const PORT = { min: 1, max: 65535 };
const SSL_PROTOCOLS = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2'];

// api:Origin: OriginPath starts with `/` and does not end with one; empty means none.
function readOriginPath(origin: Record<string, unknown>, loc: JsonLocation): string {
  const path = optionalString(origin, 'OriginPath', loc) ?? '';
  if (path !== '' && (!path.startsWith('/') || path.endsWith('/'))) {
    fail(childLocation(loc, 'OriginPath'), `${JSON.stringify(path)}: start it with "/" and drop the trailing "/", like "/production".`);
  }
  return path;
}

/** Where an origin without an `origins` entry is reached: its configured domain name, protocol and port. */
function configuredLocation(origin: Omit<CompiledOrigin, 'location'>, settings: EdgeSettings): OriginLocation {
  const https =
    origin.protocolPolicy === 'https-only' || (origin.protocolPolicy === 'match-viewer' && settings.viewerProtocol === 'https');
  return Object.freeze({
    kind: 'url',
    protocol: https ? 'https' : 'http',
    host: origin.domainName,
    port: https ? origin.httpsPort : origin.httpPort,
    basePath: '',
  });
}

/**
 * Issue 10: a VPC origin (api:VpcOriginConfig) reaches a private load balancer or instance whose protocol and ports the
 * VPC origin resource holds; locally it is a custom origin on its DomainName (map it with `origins`), match-viewer on
 * 80/443, with the config's timeouts.
 */
function compileVpcOrigin(common: Pick<CompiledOrigin, 'id' | 'domainName' | 'originPath' | 'customHeaders' | 'connectionTimeoutSeconds' | 'connectionAttempts'>, value: unknown, vpcLoc: JsonLocation, diagnostics: Diagnostics): Omit<CompiledOrigin, 'location'> {
  const vpc = expectObject(value, vpcLoc);
  checkUnknownKeys(vpc, ['VpcOriginId', 'OriginReadTimeout', 'OriginKeepaliveTimeout', 'OwnerAccountId'], vpcLoc, diagnostics);
  requiredString(vpc, 'VpcOriginId', vpcLoc, 'the Id of the VPC origin, e.g. "vo_0123456789abcdef"');
  return {
    ...common,
    kind: 'custom',
    protocolPolicy: 'match-viewer',
    httpPort: 80,
    httpsPort: 443,
    readTimeoutSeconds: optionalNumber(vpc, 'OriginReadTimeout', vpcLoc, { min: 1, max: 120 }) ?? 30,
    keepaliveTimeoutSeconds: optionalNumber(vpc, 'OriginKeepaliveTimeout', vpcLoc, { min: 1, max: 120 }) ?? 5,
    sslProtocols: Object.freeze(['TLSv1.2']),
  };
}

/**
 * One item of `Origins.Items`: custom origin settings (§4 timeouts and their defaults), S3 with OAI (D11),
 * custom headers (§3.4), and its local location from the config's `origins`.
 */
export function compileOrigin(
  value: unknown,
  loc: JsonLocation,
  localLocation: { value: unknown; loc: JsonLocation } | undefined,
  configFile: string,
  settings: EdgeSettings,
  diagnostics: Diagnostics,
): CompiledOrigin {
  const origin = expectObject(value, loc);
  checkUnknownKeys(origin, ORIGIN_KEYS, loc, diagnostics);
  const id = requiredString(origin, 'Id', loc, 'the name behaviors use as TargetOriginId');
  const domainName = requiredString(origin, 'DomainName', loc, 'e.g. "example.com" or "bucket.s3.us-east-1.amazonaws.com"').toLowerCase();
  const common = {
    id,
    domainName,
    originPath: readOriginPath(origin, loc),
    customHeaders: compileCustomHeaders(origin, loc, diagnostics),
    connectionTimeoutSeconds: optionalNumber(origin, 'ConnectionTimeout', loc, { min: 1, max: 10 }) ?? 10,
    connectionAttempts: optionalNumber(origin, 'ConnectionAttempts', loc, { min: 1, max: 3 }) ?? 3,
  };
  let compiled: Omit<CompiledOrigin, 'location'>;
  // Issue 10: an origin with an origin access control and no S3OriginConfig is an S3 origin (api:Origin gives it
  // `OriginAccessIdentity: ""`).
  const oacOnly = origin.S3OriginConfig === undefined && origin.CustomOriginConfig === undefined && origin.VpcOriginConfig === undefined && !!origin.OriginAccessControlId;
  if (origin.S3OriginConfig !== undefined || oacOnly) {
    const s3Loc = childLocation(loc, 'S3OriginConfig');
    const s3 = expectObject(origin.S3OriginConfig ?? {}, s3Loc);
    checkUnknownKeys(s3, ['OriginAccessIdentity', 'OriginReadTimeout'], s3Loc, diagnostics);
    const oai = optionalString(s3, 'OriginAccessIdentity', s3Loc) ?? '';
    // D11: OAI → origin-access-identity + the bucket Region; otherwise none and region "".
    let s3Region = '';
    if (oai !== '') {
      const region = s3RegionFromDomain(domainName);
      if (region === undefined) {
        warn(diagnostics, childLocation(loc, 'DomainName'), `the bucket Region cannot be read from "${domainName}"; events show "us-east-1". Use the Regional name, like "bucket.s3.eu-west-1.amazonaws.com".`);
      }
      s3Region = region ?? 'us-east-1';
    }
    compiled = {
      ...common,
      kind: 's3',
      s3AuthMethod: oai !== '' ? 'origin-access-identity' : 'none',
      s3Region,
      protocolPolicy: 'match-viewer',
      httpPort: 80,
      httpsPort: 443,
      readTimeoutSeconds: optionalNumber(s3, 'OriginReadTimeout', s3Loc, { min: 1, max: 120 }) ?? 30,
      keepaliveTimeoutSeconds: 5,
      sslProtocols: Object.freeze(['TLSv1.2']),
    };
  } else if (origin.VpcOriginConfig !== undefined && origin.CustomOriginConfig === undefined) {
    compiled = compileVpcOrigin(common, origin.VpcOriginConfig, childLocation(loc, 'VpcOriginConfig'), diagnostics);
  } else {
    const customLoc = childLocation(loc, 'CustomOriginConfig');
    if (origin.CustomOriginConfig === undefined) {
      fail(loc, 'has none of S3OriginConfig, CustomOriginConfig and VpcOriginConfig: add CustomOriginConfig with an OriginProtocolPolicy ("http-only", "https-only" or "match-viewer"), or S3OriginConfig for a bucket.');
    }
    const custom = expectObject(origin.CustomOriginConfig, customLoc);
    checkUnknownKeys(custom, CUSTOM_KEYS, customLoc, diagnostics);
    const protocolPolicy = oneOf(custom, 'OriginProtocolPolicy', customLoc, ['http-only', 'https-only', 'match-viewer'] as const);
    if (protocolPolicy === undefined) fail(childLocation(customLoc, 'OriginProtocolPolicy'), 'is required: use "http-only", "https-only" or "match-viewer".');
    const sslProtocols = stringList(custom, 'OriginSslProtocols', customLoc, diagnostics);
    sslProtocols.forEach((protocol, i) => {
      if (!SSL_PROTOCOLS.includes(protocol)) {
        fail(indexLocation(childLocation(childLocation(customLoc, 'OriginSslProtocols'), 'Items'), i), `"${protocol}" is not one of ${SSL_PROTOCOLS.join(', ')}.`);
      }
    });
    compiled = {
      ...common,
      kind: 'custom',
      protocolPolicy,
      httpPort: optionalNumber(custom, 'HTTPPort', customLoc, PORT) ?? 80,
      httpsPort: optionalNumber(custom, 'HTTPSPort', customLoc, PORT) ?? 443,
      readTimeoutSeconds: optionalNumber(custom, 'OriginReadTimeout', customLoc, { min: 1, max: 120 }) ?? 30,
      keepaliveTimeoutSeconds: optionalNumber(custom, 'OriginKeepaliveTimeout', customLoc, { min: 1, max: 120 }) ?? 5,
      sslProtocols: Object.freeze(sslProtocols.length ? sslProtocols : ['TLSv1.2']),
    };
  }
  if (localLocation === undefined) {
    // Issue 12: a typo in `origins` (or none) silently sends requests to the real site; say so.
    warn(diagnostics, loc, `origin "${compiled.id}" has no entry in \`origins\`, so requests go to ${compiled.domainName} itself; map it to a local URL or directory under "origins": { "${compiled.id}": ... } to keep them on this machine.`);
  }
  const location = localLocation
    ? compileOriginLocation(localLocation.value, localLocation.loc, configFile)
    : configuredLocation(compiled, settings);
  return Object.freeze({ ...compiled, location });
}
