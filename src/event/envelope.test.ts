import { describe, it, expect } from 'vitest';
import { newRequestId, requestEvent, responseEvent } from './envelope.js';
import type { CfConfig, CfRequest, CfResponse } from './types.js';

const config: CfConfig = { distributionDomainName: 'd.cloudfront.net', distributionId: 'E1', eventType: 'viewer-request', requestId: 'id' };
const request: CfRequest = { clientIp: '203.0.113.1', method: 'GET', uri: '/', querystring: '', headers: {} };

describe('envelope', () => {
  it('§1.1 wraps config and request in one record without copying', () => {
    const event = requestEvent(config, request);
    expect(event.Records).toHaveLength(1);
    expect(event.Records[0].cf.config).toBe(config);
    expect(event.Records[0].cf.request).toBe(request);
  });

  it('§1.1 response events carry config, request and response', () => {
    const response: CfResponse = { status: '200', statusDescription: 'OK', headers: {} };
    const event = responseEvent({ ...config, eventType: 'origin-response' }, request, response);
    expect(Object.keys(event.Records[0].cf)).toEqual(['config', 'request', 'response']);
    expect(event.Records[0].cf.response).toBe(response);
  });

  it('§1.2 request ids are 56 characters of URL-safe base64 ending in ==', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const id = newRequestId();
      expect(id).toMatch(/^[A-Za-z0-9_-]{54}==$/);
      seen.add(id);
    }
    expect(seen.size).toBe(200);
  });
});
