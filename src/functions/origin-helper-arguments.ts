/**
 * The arguments of the origin helpers of cloudfront-js-2.0, checked when the function calls them, with the fields and
 * limits of dg:helper-functions-origin-modification (reference §9). A bad argument throws inside the function, so the
 * run ends in FunctionExecutionError as a throw does; what depends on the distribution (do the origin Ids exist?) or
 * on the request is checked by the edge after the run (edge/apply-origin-changes.ts).
 */
import { isIP } from 'node:net';
import type { OriginChange, OriginUpdate } from './types.js';

const PAGE = 'dg:helper-functions-origin-modification';
// api:OriginGroupFailoverCriteria, reference §2.5: the codes an origin group may fail over on.
const FAILOVER_CODES = new Set([400, 403, 404, 416, 500, 502, 503, 504]);
const SSL_PROTOCOLS = new Set(['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2']);
const UPDATE_KEYS = [
  'domainName',
  'hostHeader',
  'originPath',
  'customHeaders',
  'connectionAttempts',
  'originShield',
  'originAccessControlConfig',
  'timeouts',
  'customOriginConfig',
  'sni',
  'allowedCertificateNames',
  'mTLSConfig',
];

type Fields = Record<string, unknown>;

function refuse(where: string, rule: string): never {
  throw new TypeError(`${where} ${rule} (${PAGE})`);
}

function fields(value: unknown, where: string, keys: readonly string[]): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) refuse(where, 'must be an object');
  for (const key of Object.keys(value)) if (!keys.includes(key)) refuse(`${where}.${key}`, `is not a field; use ${keys.join(', ')}`);
  return value as Fields;
}

function text(value: unknown, where: string, maxLength = Infinity): string {
  if (typeof value !== 'string' || value === '') refuse(where, 'must be a non-empty string');
  if (value.length > maxLength) refuse(where, `is ${value.length} characters; the most is ${maxLength}`);
  return value;
}

function whole(value: unknown, where: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) refuse(where, `must be a whole number from ${min} to ${max}`);
  return value;
}

function choice<T extends string>(value: unknown, where: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) refuse(where, `must be one of ${allowed.join(', ')}`);
  return value as T;
}

function flag(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean') refuse(where, 'must be true or false');
  return value;
}

// "can't include a colon (:) and can't be an IP address … up to 253 characters".
function domainName(value: unknown, where: string): string {
  const name = text(value, where, 253);
  if (name.includes(':') || isIP(name) !== 0) refuse(where, `${JSON.stringify(name)} must be a DNS name: no colon, not an IP address`);
  return name;
}

// "should start with a forward slash (/) but shouldn't end with one … maximum length of 255 characters".
function originPath(value: unknown, where: string): string {
  const path = text(value, where, 255);
  if (!path.startsWith('/') || path.endsWith('/')) refuse(where, `${JSON.stringify(path)} must start with "/" and not end with one`);
  return path;
}

// "Header name must be lowercase in your function code."
function customHeaders(value: unknown, where: string): Record<string, string> {
  const headers = fields(value, where, Object.keys(value ?? {}));
  const out: Record<string, string> = {};
  for (const [name, headerValue] of Object.entries(headers)) {
    if (name !== name.toLowerCase()) refuse(`${where}["${name}"]`, 'must be a lower-case header name');
    if (typeof headerValue !== 'string') refuse(`${where}["${name}"]`, 'must be a string value');
    out[name] = headerValue;
  }
  return out;
}

function timeouts(value: unknown, where: string): NonNullable<OriginUpdate['timeouts']> {
  const given = fields(value, where, ['readTimeout', 'keepAliveTimeout', 'connectionTimeout', 'responseCompletionTimeout']);
  const out: NonNullable<OriginUpdate['timeouts']> = {};
  if (given.readTimeout !== undefined) out.readTimeout = whole(given.readTimeout, `${where}.readTimeout`, 1, 120);
  if (given.keepAliveTimeout !== undefined) out.keepAliveTimeout = whole(given.keepAliveTimeout, `${where}.keepAliveTimeout`, 1, 120);
  if (given.connectionTimeout !== undefined) out.connectionTimeout = whole(given.connectionTimeout, `${where}.connectionTimeout`, 1, 10);
  if (given.responseCompletionTimeout !== undefined) out.responseCompletionTimeout = whole(given.responseCompletionTimeout, `${where}.responseCompletionTimeout`, 1, Number.MAX_SAFE_INTEGER);
  return out;
}

function customOriginConfig(value: unknown, where: string, domainChanges: boolean): NonNullable<OriginUpdate['customOriginConfig']> {
  const given = fields(value, where, ['port', 'protocol', 'sslProtocols', 'ipAddressType']);
  const sslProtocols = given.sslProtocols;
  if (!Array.isArray(sslProtocols) || sslProtocols.length === 0 || !sslProtocols.every((p) => SSL_PROTOCOLS.has(p as string))) {
    refuse(`${where}.sslProtocols`, `must list one or more of ${[...SSL_PROTOCOLS].join(', ')}`);
  }
  const out: NonNullable<OriginUpdate['customOriginConfig']> = {
    port: whole(given.port, `${where}.port`, 1, 65535),
    protocol: choice(given.protocol, `${where}.protocol`, ['http', 'https']),
    sslProtocols: [...(sslProtocols as string[])],
  };
  if (given.ipAddressType !== undefined) {
    // "Changing ipAddressType is only supported when the domainName property is also being changed."
    if (!domainChanges) refuse(`${where}.ipAddressType`, 'can change only together with domainName');
    out.ipAddressType = choice(given.ipAddressType, `${where}.ipAddressType`, ['ipv4', 'ipv6', 'dualstack']);
  }
  return out;
}

function originAccessControlConfig(value: unknown, where: string): NonNullable<OriginUpdate['originAccessControlConfig']> {
  const given = fields(value, where, ['enabled', 'signingBehavior', 'signingProtocol', 'originType']);
  const out: NonNullable<OriginUpdate['originAccessControlConfig']> = { enabled: flag(given.enabled, `${where}.enabled`) };
  if (given.signingBehavior !== undefined) out.signingBehavior = choice(given.signingBehavior, `${where}.signingBehavior`, ['always', 'never', 'no-override']);
  if (given.signingProtocol !== undefined) out.signingProtocol = choice(given.signingProtocol, `${where}.signingProtocol`, ['sigv4']);
  if (given.originType !== undefined) out.originType = choice(given.originType, `${where}.originType`, ['s3', 'mediapackagev2', 'mediastore', 'lambda']);
  return out;
}

/** Settings with no local effect are still checked, so code CloudFront would refuse fails here too. */
function checkUnemulated(given: Fields, where: string): void {
  if (given.originShield !== undefined) {
    const shield = fields(given.originShield, `${where}.originShield`, ['enabled', 'region']);
    if (flag(shield.enabled, `${where}.originShield.enabled`) || shield.region !== undefined) text(shield.region, `${where}.originShield.region`);
  }
  if (given.sni !== undefined) text(given.sni, `${where}.sni`);
  if (given.allowedCertificateNames !== undefined) {
    const names = given.allowedCertificateNames;
    // "up to 20 allowed certificate names. Each certificate name can have up to 64 characters."
    if (!Array.isArray(names) || names.length > 20) refuse(`${where}.allowedCertificateNames`, 'must be a list of at most 20 names');
    names.forEach((name, i) => text(name, `${where}.allowedCertificateNames[${i}]`, 64));
  }
  if (given.mTLSConfig !== undefined) choice(given.mTLSConfig, `${where}.mTLSConfig`, ['inherit', 'off']);
}

/** `cf.updateRequestOrigin({...})`. */
export function updateRequestOriginArgument(argument: unknown): OriginChange {
  const where = 'cf.updateRequestOrigin(): argument';
  const given = fields(argument, where, UPDATE_KEYS);
  const update: OriginUpdate = {};
  if (given.domainName !== undefined) update.domainName = domainName(given.domainName, `${where}.domainName`);
  if (given.hostHeader !== undefined) update.hostHeader = text(given.hostHeader, `${where}.hostHeader`);
  if (given.originPath !== undefined) update.originPath = originPath(given.originPath, `${where}.originPath`);
  if (given.customHeaders !== undefined) update.customHeaders = customHeaders(given.customHeaders, `${where}.customHeaders`);
  if (given.connectionAttempts !== undefined) update.connectionAttempts = whole(given.connectionAttempts, `${where}.connectionAttempts`, 1, 3);
  if (given.timeouts !== undefined) update.timeouts = timeouts(given.timeouts, `${where}.timeouts`);
  if (given.customOriginConfig !== undefined) update.customOriginConfig = customOriginConfig(given.customOriginConfig, `${where}.customOriginConfig`, update.domainName !== undefined);
  if (given.originAccessControlConfig !== undefined) update.originAccessControlConfig = originAccessControlConfig(given.originAccessControlConfig, `${where}.originAccessControlConfig`);
  checkUnemulated(given, where);
  return { helper: 'updateRequestOrigin', update };
}

/** `cf.selectRequestOriginById(originId)`. */
export function selectRequestOriginByIdArgument(argument: unknown): OriginChange {
  return { helper: 'selectRequestOriginById', originId: text(argument, 'cf.selectRequestOriginById(): the origin Id') };
}

/** `cf.createRequestOriginGroup({ originIds: [{ originId }, { originId }], failoverCriteria: { statusCodes }, selectionCriteria? })`. */
export function createRequestOriginGroupArgument(argument: unknown): OriginChange {
  const where = 'cf.createRequestOriginGroup(): argument';
  const given = fields(argument, where, ['originIds', 'failoverCriteria', 'selectionCriteria']);
  const members = given.originIds;
  // api:OriginGroupMembers: exactly two, the primary first.
  if (!Array.isArray(members) || members.length !== 2) refuse(`${where}.originIds`, 'must list exactly two origins, the primary first');
  const originIds = members.map((member, i) => text(fields(member, `${where}.originIds[${i}]`, ['originId']).originId, `${where}.originIds[${i}].originId`));
  const criteria = fields(given.failoverCriteria, `${where}.failoverCriteria`, ['statusCodes']);
  const codes = criteria.statusCodes;
  if (!Array.isArray(codes) || codes.length === 0 || !codes.every((code) => FAILOVER_CODES.has(code as number))) {
    refuse(`${where}.failoverCriteria.statusCodes`, `must list one or more of ${[...FAILOVER_CODES].join(', ')}`);
  }
  // api:OriginGroup SelectionCriteria; media-quality-based needs MediaPackage origins, which are not emulated.
  if (given.selectionCriteria !== undefined) choice(given.selectionCriteria, `${where}.selectionCriteria`, ['default', 'media-quality-based']);
  return { helper: 'createRequestOriginGroup', originIds: [originIds[0]!, originIds[1]!], failoverStatusCodes: [...(codes as number[])] };
}
