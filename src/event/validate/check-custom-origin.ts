import { isIP } from 'node:net';
import { CLOUDFRONT_TEXT } from '../errors.js';
import type { CloudFrontCustomOrigin, LambdaEventType } from '../types.js';
import { checkOriginTimeout } from './check-origin-timeout.js';
import { describe, validationError } from './fail.js';
import { isDnsName, isUrlEncodedPath } from './origin-syntax.js';

const P = 'request.origin.custom';
const SSL_PROTOCOLS = new Set(['TLSv1.2', 'TLSv1.1', 'TLSv1', 'SSLv3']);

type CustomFields = Omit<CloudFrontCustomOrigin, 'customHeaders'>;

function bad(eventType: LambdaEventType, field: string, value: unknown, rule: string): never {
  throw validationError(CLOUDFRONT_TEXT.invalidShape, eventType, `${P}.${field} is ${describe(value)}, but ${rule}`, '§1.8');
}

function sameList(a: unknown, b: readonly string[] | undefined): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function domainName(eventType: LambdaEventType, v: unknown): string {
  if (typeof v !== 'string' || v.length === 0) bad(eventType, 'domainName', v, 'it must be a non-empty DNS name');
  if (v.length > 253) bad(eventType, 'domainName', v, 'it must be at most 253 characters');
  if (v.includes(':')) bad(eventType, 'domainName', v, 'it may not contain ":" (set the port in port)');
  if (isIP(v) !== 0) bad(eventType, 'domainName', v, 'it must be a DNS name, not an IP address');
  if (!isDnsName(v)) bad(eventType, 'domainName', v, 'it must be a DNS name (letters, digits, "-", ".")');
  return v;
}

function path(eventType: LambdaEventType, v: unknown): string {
  if (typeof v !== 'string') bad(eventType, 'path', v, 'it must be a string ("" for none)');
  if (v === '') return v;
  if (v[0] !== '/') bad(eventType, 'path', v, 'it must start with "/"');
  if (v.endsWith('/')) bad(eventType, 'path', v, 'it may not end with "/"');
  if (v.length > 255) bad(eventType, 'path', v, 'it must be at most 255 characters');
  if (!isUrlEncodedPath(v)) bad(eventType, 'path', v, 'it must be URL-encoded');
  return v;
}

function port(eventType: LambdaEventType, v: unknown): number {
  if (typeof v === 'number' && (v === 80 || v === 443 || (Number.isInteger(v) && v >= 1024 && v <= 65535))) return v;
  return bad(eventType, 'port', v, 'it must be 80, 443 or 1024–65535');
}

function sslProtocols(eventType: LambdaEventType, v: unknown): string[] {
  if (!Array.isArray(v) || v.length === 0) bad(eventType, 'sslProtocols', v, 'it must be a non-empty array of "TLSv1.2", "TLSv1.1", "TLSv1", "SSLv3"');
  for (const p of v) if (!SSL_PROTOCOLS.has(p)) bad(eventType, 'sslProtocols', p, 'each entry must be "TLSv1.2", "TLSv1.1", "TLSv1" or "SSLv3"');
  return v as string[];
}

/**
 * §1.8 (D10): the fields of a returned `origin.custom`. Fields equal to the event's custom origin are taken as they
 * are (the distribution may use values the event syntax does not, e.g. a 90 s timeout); changed ones are checked.
 */
export function checkCustomOrigin(
  eventType: LambdaEventType,
  value: Record<string, unknown>,
  before: CloudFrontCustomOrigin | undefined,
  warnings: string[],
): CustomFields {
  const { domainName: d, path: p, port: po, protocol: pr, readTimeout: rt, keepaliveTimeout: kt, sslProtocols: ssl } = value;
  if (before === undefined) {
    if (pr !== 'http' && pr !== 'https') bad(eventType, 'protocol', pr, 'it must be "http" or "https"');
    return {
      domainName: domainName(eventType, d),
      path: path(eventType, p),
      port: port(eventType, po),
      protocol: pr,
      readTimeout: checkOriginTimeout(eventType, `${P}.readTimeout`, rt, 4, warnings),
      keepaliveTimeout: checkOriginTimeout(eventType, `${P}.keepaliveTimeout`, kt, 1, warnings),
      sslProtocols: sslProtocols(eventType, ssl),
    };
  }
  const protocol = pr === before.protocol ? before.protocol : pr;
  if (protocol !== 'http' && protocol !== 'https') bad(eventType, 'protocol', protocol, 'it must be "http" or "https"');
  return {
    domainName: d === before.domainName ? before.domainName : domainName(eventType, d),
    path: p === before.path ? before.path : path(eventType, p),
    port: po === before.port ? before.port : port(eventType, po),
    protocol,
    readTimeout: rt === before.readTimeout ? before.readTimeout : checkOriginTimeout(eventType, `${P}.readTimeout`, rt, 4, warnings),
    keepaliveTimeout:
      kt === before.keepaliveTimeout ? before.keepaliveTimeout : checkOriginTimeout(eventType, `${P}.keepaliveTimeout`, kt, 1, warnings),
    sslProtocols: sameList(ssl, before.sslProtocols) ? before.sslProtocols : sslProtocols(eventType, ssl),
  };
}
