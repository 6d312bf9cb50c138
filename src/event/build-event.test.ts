import { describe, it, expect } from 'vitest';
import { buildEvent } from './build-event.js';
import type { CfRequestEvent, CfResponseEvent } from './types.js';
import { applyRequestResult, applyResponseResult } from './validate-result.js';

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('buildEvent', () => {
  it('§1.2 viewer-request defaults are AWS example A.1 with a fresh request id', () => {
    const event = plain(buildEvent('viewer-request')) as CfRequestEvent;
    const { config, request } = event.Records[0].cf;
    expect(config).toMatchObject({ distributionDomainName: 'd111111abcdef8.cloudfront.net', distributionId: 'EDFDVBD6EXAMPLE', eventType: 'viewer-request' });
    expect(config.requestId).toMatch(/^[A-Za-z0-9_-]{54}==$/);
    expect(request).toEqual({
      clientIp: '203.0.113.178',
      headers: {
        host: [{ key: 'Host', value: 'd111111abcdef8.cloudfront.net' }],
        'user-agent': [{ key: 'User-Agent', value: 'curl/7.66.0' }],
        accept: [{ key: 'accept', value: '*/*' }],
      },
      method: 'GET',
      querystring: '',
      uri: '/',
    });
  });

  it('§1.8 origin events carry the example.org custom origin and CloudFront origin headers', () => {
    const event = plain(buildEvent('origin-request')) as CfRequestEvent;
    const request = event.Records[0].cf.request;
    expect(Object.keys(request)).toEqual(['clientIp', 'headers', 'method', 'origin', 'querystring', 'uri']);
    expect(request.origin?.custom?.domainName).toBe('example.org');
    expect(request.headers['host']).toEqual([{ key: 'Host', value: 'example.org' }]);
    expect(request.headers['via']?.[0]?.value).toMatch(/^2\.0 [0-9a-f]{32}\.cloudfront\.net \(CloudFront\)$/);
    const s3 = plain(buildEvent('origin-response', { origin: { s3: { authMethod: 'none', customHeaders: {}, domainName: 'b.s3.amazonaws.com', path: '' } } })) as CfResponseEvent;
    expect(s3.Records[0].cf.request.headers['host']?.[0]?.value).toBe('b.s3.amazonaws.com');
  });

  it('§1.9 response events have a string status, reason phrase and example headers; viewer-response has age', () => {
    const origin = buildEvent('origin-response', { status: 404 }) as CfResponseEvent;
    expect(origin.Records[0].cf.response.status).toBe('404');
    expect(origin.Records[0].cf.response.statusDescription).toBe('Not Found');
    expect(origin.Records[0].cf.response.headers['age']).toBeUndefined();
    const viewer = buildEvent('viewer-response') as CfResponseEvent;
    expect(viewer.Records[0].cf.response.headers['age']).toEqual([{ key: 'Age', value: '2402' }]);
    expect(viewer.Records[0].cf.request.headers['host']?.[0]?.value).toBe('d111111abcdef8.cloudfront.net');
  });

  it('§1.6 takes friendly or full header maps; given names replace defaults in place', () => {
    const event = buildEvent('viewer-request', {
      headers: { 'User-Agent': 'x', 'X-Multi': ['1', '2'], cookie: [{ key: 'Cookie', value: 'a=1' }], accept: [] },
    }) as CfRequestEvent;
    const headers = event.Records[0].cf.request.headers;
    expect(Object.keys(headers)).toEqual(['host', 'user-agent', 'x-multi', 'cookie']);
    expect(headers['user-agent']).toEqual([{ key: 'User-Agent', value: 'x' }]);
    expect(headers['x-multi']).toEqual([{ key: 'X-Multi', value: '1' }, { key: 'X-Multi', value: '2' }]);
    expect(headers['cookie']).toEqual([{ key: 'Cookie', value: 'a=1' }]);
  });

  it('§1.3 splits a query out of uri, drops a leading ? and keeps "" when absent', () => {
    const a = buildEvent('viewer-request', { uri: '/p?x=1' }) as CfRequestEvent;
    expect(a.Records[0].cf.request).toMatchObject({ uri: '/p', querystring: 'x=1' });
    const b = buildEvent('viewer-request', { querystring: '?y=2' }) as CfRequestEvent;
    expect(b.Records[0].cf.request.querystring).toBe('y=2');
    const c = buildEvent('viewer-request', { uri: '/p?x=1', querystring: '' }) as CfRequestEvent;
    expect(c.Records[0].cf.request).toMatchObject({ uri: '/p', querystring: 'x=1' });
    expect(() => buildEvent('viewer-request', { uri: '/p?x=1', querystring: 'y=2' })).toThrow(/given twice/);
  });

  it('§1.7 a body is exposed base64 (bytes exact), with POST and Content-Length by default', () => {
    const bytes = new Uint8Array([0, 255, 10, 13]);
    const event = buildEvent('viewer-request', { body: bytes }) as CfRequestEvent;
    const request = event.Records[0].cf.request;
    expect(request.method).toBe('POST');
    expect(request.body).toEqual({ action: 'read-only', data: 'AP8KDQ==', encoding: 'base64', inputTruncated: false });
    expect(request.headers['content-length']).toEqual([{ key: 'Content-Length', value: '4' }]);
    const empty = buildEvent('origin-request', { includeBody: true }) as CfRequestEvent;
    expect(empty.Records[0].cf.request.body?.data).toBe('');
  });

  it('§3.2 refuses disallowed headers and other bad options, naming the option', () => {
    expect(() => buildEvent('viewer-request', { headers: { 'X-Forwarded-Proto': 'https' } })).toThrow(/headers\["X-Forwarded-Proto"\].*disallowed/);
    expect(() => buildEvent('viewer-request', { uri: 'nope' })).toThrow(/uri/);
    expect(() => buildEvent('viewer-request', { headers: { 'X-A': 1 as unknown as string } })).toThrow(/headers\["X-A"\]/);
    expect(() => buildEvent('origin-response', { body: 'x' })).toThrow(/body/);
    expect(() => buildEvent('viewer-request', { responseHeaders: {} })).toThrow(/responseHeaders/);
    expect(() => buildEvent('viewer-response', { status: 42 })).toThrow(/status/);
    expect(() => buildEvent('viewer-request', { clientIp: 'me' })).toThrow(/clientIp/);
  });

  it('§3 every built event passes validation when its handler returns it unchanged', () => {
    for (const type of ['viewer-request', 'origin-request'] as const) {
      const event = buildEvent(type, { body: 'b', headers: { 'X-A': 'a' } }) as CfRequestEvent;
      const outcome = applyRequestResult(type, event.Records[0].cf.request, plain(event.Records[0].cf.request));
      expect(outcome.kind).toBe('request');
      expect(outcome.warnings).toEqual([]);
    }
    for (const type of ['origin-response', 'viewer-response'] as const) {
      const event = buildEvent(type) as CfResponseEvent;
      const outcome = applyResponseResult(type, event.Records[0].cf, plain(event.Records[0].cf.response));
      expect(outcome.warnings).toEqual([]);
      expect(plain(outcome.response)).toEqual(plain(event.Records[0].cf.response));
    }
  });
});
