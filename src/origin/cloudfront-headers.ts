import type { CfHeaders } from '../event/types.js';

/** §6.3: the wire names CloudFront uses, by lower-case name. */
export const CLOUDFRONT_HEADER_KEYS: ReadonlyMap<string, string> = new Map(
  [
    'CloudFront-Forwarded-Proto',
    'CloudFront-Is-Android-Viewer',
    'CloudFront-Is-Desktop-Viewer',
    'CloudFront-Is-IOS-Viewer',
    'CloudFront-Is-Mobile-Viewer',
    'CloudFront-Is-SmartTV-Viewer',
    'CloudFront-Is-Tablet-Viewer',
    'CloudFront-Viewer-Address',
    'CloudFront-Viewer-ASN',
    'CloudFront-Viewer-City',
    'CloudFront-Viewer-Country',
    'CloudFront-Viewer-Country-Name',
    'CloudFront-Viewer-Country-Region',
    'CloudFront-Viewer-Country-Region-Name',
    'CloudFront-Viewer-Header-Count',
    'CloudFront-Viewer-Header-Order',
    'CloudFront-Viewer-Http-Version',
    'CloudFront-Viewer-JA3-Fingerprint',
    'CloudFront-Viewer-Latitude',
    'CloudFront-Viewer-Longitude',
    'CloudFront-Viewer-Metro-Code',
    'CloudFront-Viewer-Postal-Code',
    'CloudFront-Viewer-Time-Zone',
    'CloudFront-Viewer-TLS',
  ].map((key) => [key.toLowerCase(), key]),
);

/** What the §6.3 values are computed from. */
export interface CloudFrontHeaderInput {
  clientIp: string;
  /** The viewer's source port, for `CloudFront-Viewer-Address`. */
  port: number;
  httpVersion: string;
  https: boolean;
  userAgent: string;
  /** The viewer's headers as received (for Header-Order / Header-Count). */
  viewerHeaders: CfHeaders;
  geo: Readonly<Record<string, string>> | undefined;
  /** Issue 11: the real TLS connection's value, on the TLS listener. */
  tls?: string | undefined;
}

/**
 * §6.3: geo values edge-dev reports when the config or test gives none: a fixed, plausible location
 * (the AWS examples use US values). Keys are the lower-case header names.
 */
export const DEFAULT_GEO: Readonly<Record<string, string>> = Object.freeze({
  'cloudfront-viewer-asn': '16509',
  'cloudfront-viewer-city': 'Seattle',
  'cloudfront-viewer-country': 'US',
  'cloudfront-viewer-country-name': 'United States',
  'cloudfront-viewer-country-region': 'WA',
  'cloudfront-viewer-country-region-name': 'Washington',
  'cloudfront-viewer-latitude': '47.60620',
  'cloudfront-viewer-longitude': '-122.33210',
  'cloudfront-viewer-metro-code': '819',
  'cloudfront-viewer-postal-code': '98101',
  'cloudfront-viewer-time-zone': 'America/Los_Angeles',
  'cloudfront-viewer-ja3-fingerprint': '2d1a0c3a3a6b7c52d54f0d1c8fbd3c39',
  'cloudfront-viewer-tls': 'TLSv1.3:TLS_AES_128_GCM_SHA256:fullHandshake',
});

// §6.3: device classes from User-Agent; compiled once. Tablets also count as mobile (edge-dev decision).
const IOS = /iPhone|iPad|iPod/;
const ANDROID = /Android/i;
const SMART_TV = /SmartTV|SMART-TV|GoogleTV|AppleTV|HbbTV|NetCast|BRAVIA|Roku|CrKey|Web0S|webOS.+TV|Tizen.+TV/i;
const TABLET = /iPad|Tablet|Kindle|Silk|PlayBook/i;
const MOBILE = /Mobile/;
const MOBILE_WORD = /Mobi|iPhone|iPod|Windows Phone|BlackBerry|Opera Mini|IEMobile/i;

interface Device {
  ios: boolean;
  android: boolean;
  tv: boolean;
  tablet: boolean;
  mobile: boolean;
}

/** §6.3: `CloudFront-Is-*-Viewer` classes derived from User-Agent. */
export function classifyDevice(userAgent: string): Device {
  const ios = IOS.test(userAgent);
  const android = ANDROID.test(userAgent);
  const tv = SMART_TV.test(userAgent);
  const tablet = !tv && (TABLET.test(userAgent) || (android && !MOBILE.test(userAgent)));
  const mobile = !tv && (tablet || android || MOBILE_WORD.test(userAgent));
  return { ios, android, tv, tablet, mobile };
}

function headerOrder(headers: CfHeaders): { order: string } {
  let order = '';
  for (const name in headers) {
    for (const line of headers[name]!) order = order === '' ? line.key ?? name : `${order}:${line.key ?? name}`;
  }
  // §6.3: Header-Order is truncated after 7,680 characters.
  return { order: order.length > 7680 ? order.slice(0, 7680) : order };
}

function headerCount(headers: CfHeaders): number {
  let count = 0;
  for (const name in headers) count += headers[name]!.length;
  return count;
}

function geoValue(geo: CloudFrontHeaderInput['geo'], name: string): string | undefined {
  if (geo !== undefined) {
    const full = geo[name];
    if (full !== undefined) return full;
    // Short form: `country` for `cloudfront-viewer-country`.
    const short = geo[name.slice('cloudfront-viewer-'.length)];
    if (short !== undefined) return short;
  }
  return DEFAULT_GEO[name];
}

/**
 * §6.3: the value CloudFront sends for one `CloudFront-*` header, or `undefined` when it sends none
 * (JA3 and TLS only over HTTPS). `device` is computed once per request by the caller.
 */
export function cloudFrontHeaderValue(name: string, input: CloudFrontHeaderInput, device: Device): string | undefined {
  switch (name) {
    case 'cloudfront-forwarded-proto':
      return input.https ? 'https' : 'http';
    case 'cloudfront-is-android-viewer':
      return String(device.android);
    case 'cloudfront-is-ios-viewer':
      return String(device.ios);
    case 'cloudfront-is-mobile-viewer':
      return String(device.mobile);
    case 'cloudfront-is-tablet-viewer':
      return String(device.tablet);
    case 'cloudfront-is-smarttv-viewer':
      return String(device.tv);
    case 'cloudfront-is-desktop-viewer':
      return String(!device.mobile && !device.tv);
    case 'cloudfront-viewer-address':
      return `${input.clientIp}:${input.port}`;
    case 'cloudfront-viewer-http-version':
      return input.httpVersion;
    case 'cloudfront-viewer-header-order':
      return headerOrder(input.viewerHeaders).order;
    case 'cloudfront-viewer-header-count':
      return String(headerCount(input.viewerHeaders));
    case 'cloudfront-viewer-tls':
      // Issue 11: the TLS listener's own connection; the plain listener counted as HTTPS (D43) reports the default.
      return input.https ? (input.tls ?? geoValue(input.geo, name)) : undefined;
    case 'cloudfront-viewer-ja3-fingerprint':
      return input.https ? geoValue(input.geo, name) : undefined;
    default:
      return geoValue(input.geo, name);
  }
}
