import { describe, expect, it } from 'vitest';
import { originRequest, originResponse, viewerRequest, viewerResponse } from './events.js';

describe('event builders', () => {
  it('§1.1 build one record of the named event type', () => {
    expect(viewerRequest().Records[0].cf.config.eventType).toBe('viewer-request');
    expect(originRequest().Records[0].cf.config.eventType).toBe('origin-request');
    expect(originResponse().Records[0].cf.config.eventType).toBe('origin-response');
    expect(viewerResponse().Records[0].cf.config.eventType).toBe('viewer-response');
  });

  it('§1.3 pass uri, query and headers through to buildEvent', () => {
    const { request } = viewerRequest({ uri: '/a/b.html', querystring: 'x=1', headers: { Cookie: 'k=v' } }).Records[0].cf;
    expect(request.uri).toBe('/a/b.html');
    expect(request.querystring).toBe('x=1');
    expect(request.headers.cookie).toEqual([{ key: 'Cookie', value: 'k=v' }]);
  });

  it('§1.9 give response events a string status', () => {
    expect(originResponse({ status: 404 }).Records[0].cf.response.status).toBe('404');
  });

  it('§1.4 give origin events request.origin and viewer events none', () => {
    expect(originRequest().Records[0].cf.request.origin).toBeDefined();
    expect(viewerRequest().Records[0].cf.request.origin).toBeUndefined();
  });
});
