import { describe, it, expect } from 'vitest';
import { classifyDevice, cloudFrontHeaderValue, type CloudFrontHeaderInput } from './cloudfront-headers.js';
import { headers } from './test-fixtures.js';

const IPAD = 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148';
const ANDROID_PHONE = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36';
const ANDROID_TABLET = 'Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 Chrome/120 Safari/537.36';
const TV = 'Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0) AppleWebKit/537.36 SamsungBrowser/4.0 TV Safari/537.36';
const DESKTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120 Safari/537.36';

function input(over: Partial<CloudFrontHeaderInput> = {}): CloudFrontHeaderInput {
  return {
    clientIp: '2001:db8::1',
    port: 443,
    httpVersion: '1.1',
    https: false,
    userAgent: DESKTOP,
    viewerHeaders: headers({ Host: 'h', accept: '*/*', Cookie: ['a=1', 'b=2'] }),
    geo: undefined,
    ...over,
  };
}

describe('CloudFront-* header values', () => {
  it('§6.3 classifies devices from User-Agent (tablets count as mobile)', () => {
    expect(classifyDevice(IPAD)).toEqual({ ios: true, android: false, tv: false, tablet: true, mobile: true });
    expect(classifyDevice(ANDROID_PHONE)).toEqual({ ios: false, android: true, tv: false, tablet: false, mobile: true });
    expect(classifyDevice(ANDROID_TABLET)).toMatchObject({ android: true, tablet: true, mobile: true });
    expect(classifyDevice(TV)).toMatchObject({ tv: true, mobile: false, tablet: false });
    expect(classifyDevice(DESKTOP)).toEqual({ ios: false, android: false, tv: false, tablet: false, mobile: false });
  });

  it('§6.3 reports address, header order and count, protocol, and no TLS values over HTTP', () => {
    const values = input();
    const device = classifyDevice(values.userAgent);
    expect(cloudFrontHeaderValue('cloudfront-viewer-address', values, device)).toBe('2001:db8::1:443');
    expect(cloudFrontHeaderValue('cloudfront-viewer-header-order', values, device)).toBe('Host:accept:Cookie:Cookie');
    expect(cloudFrontHeaderValue('cloudfront-viewer-header-count', values, device)).toBe('4');
    expect(cloudFrontHeaderValue('cloudfront-forwarded-proto', values, device)).toBe('http');
    expect(cloudFrontHeaderValue('cloudfront-viewer-tls', values, device)).toBeUndefined();
    expect(cloudFrontHeaderValue('cloudfront-viewer-tls', input({ https: true }), device)).toMatch(/^TLSv1\.3:/);
    expect(cloudFrontHeaderValue('cloudfront-viewer-time-zone', values, device)).toBe('America/Los_Angeles');
  });
});
