import { randomBytes } from 'node:crypto';

/** D40: the 32-hex edge id in `Via`, fixed for the life of the process. */
export const VIA_ID: string = randomBytes(16).toString('hex');

const VIA_11 = `1.1 ${VIA_ID}.cloudfront.net (CloudFront)`;
const VIA_20 = `2.0 ${VIA_ID}.cloudfront.net (CloudFront)`;

/** §6.2 (D40): CloudFront's `Via` entry: `<viewer HTTP version> <id>.cloudfront.net (CloudFront)`. */
export function viaValue(httpVersion: string): string {
  if (httpVersion === '1.1') return VIA_11;
  if (httpVersion === '2.0' || httpVersion === '2') return VIA_20;
  return `${httpVersion} ${VIA_ID}.cloudfront.net (CloudFront)`;
}
