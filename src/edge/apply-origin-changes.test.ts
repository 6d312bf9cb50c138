import { describe, expect, it } from 'vitest';
import { applyOriginChanges } from './apply-origin-changes.js';
import { distribution, origin, viewerRequest } from '../origin/test-fixtures.js';
import type { CompiledDistribution } from '../config/index.js';
import type { OriginChange } from '../functions/index.js';

const SITE = { name: 'router', eventType: 'viewer-request' } as const;
const blue = origin({ id: 'blue', domainName: 'blue.example.com', customHeaders: { 'x-team': [{ key: 'X-Team', value: 'blue' }] } });
const green = origin({ id: 'green', domainName: 'green.example.com' });
const withGroup: CompiledDistribution = {
  ...distribution([blue, green]),
  originGroups: new Map([['both', { id: 'both', primary: 'blue', secondary: 'green', failoverStatusCodes: new Set([503]) }]]),
};
const apply = (changes: OriginChange[], target = 'blue', request = viewerRequest('/')) => applyOriginChanges(withGroup, target, SITE, changes, request);

// dg:helper-functions-origin-modification, reference §9 and §2.5.
describe('applyOriginChanges', () => {
  it('§9 selectRequestOriginById routes to that origin with all its settings', () => {
    expect(apply([{ helper: 'selectRequestOriginById', originId: 'green' }])).toEqual({ primary: green });
  });

  it('§9 selectRequestOriginById of an unknown Id or of a group is a FunctionValidationError naming the Ids', () => {
    expect(() => apply([{ helper: 'selectRequestOriginById', originId: 'red' }])).toThrow(expect.objectContaining({ kind: 'FunctionValidationError', status: 502, detail: expect.stringMatching(/"red" is not an origin Id of this distribution; use one of blue, green/) }));
    expect(() => apply([{ helper: 'selectRequestOriginById', originId: 'both' }])).toThrow(expect.objectContaining({ detail: expect.stringMatching(/"both" is an origin group/) }));
  });

  it('§9 updateRequestOrigin inherits what it leaves out and replaces what it gives', () => {
    const route = apply([{ helper: 'updateRequestOrigin', update: { domainName: 'green.example.com', originPath: '/v2', timeouts: { readTimeout: 5 } } }]);
    expect(route.primary).toMatchObject({ id: 'blue', domainName: 'green.example.com', originPath: '/v2', readTimeoutSeconds: 5, customHeaders: blue.customHeaders, hostHeader: undefined });
  });

  it('§9 updateRequestOrigin customHeaders {} clears the origin\'s custom headers; a new one may not repeat a request header', () => {
    expect(apply([{ helper: 'updateRequestOrigin', update: { customHeaders: {} } }]).primary.customHeaders).toEqual({});
    const request = viewerRequest('/', { headers: { 'x-stage': [{ key: 'X-Stage', value: 'v' }] } });
    expect(() => apply([{ helper: 'updateRequestOrigin', update: { customHeaders: { 'x-stage': 'blue' } } }], 'blue', request)).toThrow(expect.objectContaining({ kind: 'FunctionValidationError', detail: expect.stringMatching(/customHeaders\["x-stage"\]: is also a header of the request/) }));
    expect(() => apply([{ helper: 'updateRequestOrigin', update: { customHeaders: { 'x-amz-thing': '1' } } }])).toThrow(expect.objectContaining({ kind: 'FunctionValidationError' }));
  });

  it('§9 updateRequestOrigin on an origin group changes only the primary (§2.5)', () => {
    const route = apply([{ helper: 'updateRequestOrigin', update: { hostHeader: 'www.example.com' } }], 'both');
    expect(route.primary).toMatchObject({ id: 'blue', hostHeader: 'www.example.com' });
    expect(route.secondary).toBe(green);
    expect([...route.failoverStatusCodes!]).toEqual([503]);
  });

  it('§9 createRequestOriginGroup makes a failover pair; later calls apply in order', () => {
    const route = apply([
      { helper: 'createRequestOriginGroup', originIds: ['green', 'blue'], failoverStatusCodes: [500, 502] },
      { helper: 'updateRequestOrigin', update: { customOriginConfig: { port: 8080, protocol: 'http', sslProtocols: ['TLSv1.2'] } } },
    ]);
    expect(route.primary).toMatchObject({ id: 'green', protocolPolicy: 'http-only', httpPort: 8080 });
    expect(route.secondary).toBe(blue);
    expect([...route.failoverStatusCodes!]).toEqual([500, 502]);
  });
});
