import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arn, startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';
import { startScriptedOrigin } from './helpers/scripted-origin.js';
import type { ScriptedOrigin } from './helpers/scripted-origin.js';

const SECURITY = '67f7725c-6f97-4210-82d7-5512b31e9d03';
const CORS_PREFLIGHT = '5cc3b908-e619-4b99-88e5-2cf7f45965bd';
const CUSTOM = 'cccccccc-0000-4000-8000-000000000001';
const list = <T>(items: T[]) => ({ Quantity: items.length, Items: items });
const ALL_METHODS = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'POST', 'PATCH', 'DELETE'];

let origin: ScriptedOrigin;
let edge: TestEdge;

beforeAll(async () => {
  origin = await startScriptedOrigin();
  origin.scripts.set('/security/own', { headers: { 'cache-control': 'max-age=300', 'x-frame-options': 'DENY', 'x-content-type-options': 'origin' } });
  origin.scripts.set('/custom/a', { headers: { 'cache-control': 'max-age=300', 'x-powered-by': 'php', 'x-kept': 'origin', 'server-timing': 'app;dur=5' } });
  edge = await startEdge({
    originMap: { origin: origin.url },
    extraConfig: {
      responseHeadersPolicies: {
        [CUSTOM]: {
          ResponseHeadersPolicyConfig: {
            Name: 'custom',
            CorsConfig: {
              AccessControlAllowOrigins: list(['https://*.example.com']),
              AccessControlAllowHeaders: list(['X-Token']),
              AccessControlAllowMethods: list(['GET', 'POST']),
              AccessControlAllowCredentials: true,
              AccessControlMaxAgeSec: 600,
              OriginOverride: true,
            },
            CustomHeadersConfig: list([
              { Header: 'X-Kept', Value: 'policy', Override: false },
              { Header: 'X-Forced', Value: 'policy', Override: true },
              { Header: 'X-Powered-By', Value: 'edge', Override: true },
            ]),
            RemoveHeadersConfig: list([{ Header: 'X-Powered-By' }, { Header: 'Server' }]),
            ServerTimingHeadersConfig: { Enabled: true, SamplingRate: 0 },
          },
        },
      },
    },
    behaviors: [
      { path: '/security/*', extra: { ResponseHeadersPolicyId: SECURITY }, lambdas: { 'viewer-response': arn('seeHeaders') } },
      { path: '/cors/*', methods: ALL_METHODS, extra: { ResponseHeadersPolicyId: CORS_PREFLIGHT } },
      { path: '/custom/*', methods: ALL_METHODS, extra: { ResponseHeadersPolicyId: CUSTOM } },
    ],
    handlers: {
      seeHeaders: `export const handler = async (event) => {
        const response = event.Records[0].cf.response;
        response.headers['x-seen-hsts'] = [{ key: 'X-Seen-HSTS', value: response.headers['strict-transport-security']?.[0]?.value ?? 'none' }];
        return response;
      };`,
    },
  });
});

afterAll(async () => {
  await edge?.close();
  await origin?.close();
});

describe('issue 11 response headers policies', () => {
  it('issue 11 SecurityHeadersPolicy adds its headers on misses and hits, before viewer-response (D42)', async () => {
    for (const expected of ['Miss from cloudfront', 'Hit from cloudfront']) {
      const response = await edge.get('/security/page');
      expect(response.headers.get('x-cache')).toBe(expected);
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-xss-protection')).toBe('1; mode=block');
      expect(response.headers.get('x-seen-hsts')).toBe('max-age=31536000');
    }
  });

  it("issue 11 Override: only X-Content-Type-Options replaces the origin's header", async () => {
    const response = await edge.get('/security/own');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('issue 11 CORS headers only for a CORS request; a preflight gets methods and expose headers', async () => {
    expect((await edge.get('/cors/a')).headers.get('access-control-allow-origin')).toBeNull();
    const simple = await edge.get('/cors/a', { headers: { origin: 'https://app.example.org' } });
    expect(simple.headers.get('access-control-allow-origin')).toBe('*');
    expect(simple.headers.get('access-control-allow-methods')).toBeNull();
    const preflight = await edge.get('/cors/a', { method: 'OPTIONS', headers: { origin: 'https://app.example.org', 'access-control-request-method': 'PUT' } });
    expect(preflight.headers.get('access-control-allow-methods')).toBe('DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT');
    expect(preflight.headers.get('access-control-expose-headers')).toBe('*');
    // OriginOverride false: the preflight went to the origin.
    expect(origin.hits('/cors/a').some((r) => r.method === 'OPTIONS')).toBe(true);
  });

  it('issue 11 D53 with OriginOverride a preflight from an allowed origin is answered by the edge', async () => {
    const before = origin.hits('/custom/pre').length;
    const preflight = await edge.get('/custom/pre', { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(200);
    expect(origin.hits('/custom/pre').length).toBe(before);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('X-Token');
    expect(preflight.headers.get('access-control-max-age')).toBe('600');
    const refused = await edge.get('/custom/pre', { method: 'OPTIONS', headers: { origin: 'https://evil.test', 'access-control-request-method': 'POST' } });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(origin.hits('/custom/pre').length).toBe(before + 1);
  });

  it('issue 11 custom and remove headers: removal first, then additions; Server replaced by CloudFront', async () => {
    const response = await edge.get('/custom/a');
    expect(response.headers.get('x-kept')).toBe('origin');
    expect(response.headers.get('x-forced')).toBe('policy');
    expect(response.headers.get('x-powered-by')).toBe('edge');
    expect(response.headers.get('server')).toBe('CloudFront');
    // Not sampled (rate 0, no Pragma): the origin's own Server-Timing passes unchanged.
    expect(response.headers.get('server-timing')).toBe('app;dur=5');
  });

  it('issue 11 Pragma: server-timing forces Server-Timing at sampling rate 0; a hit drops the origin value', async () => {
    const miss = await edge.get('/custom/b', { headers: { pragma: 'server-timing' } });
    expect(miss.headers.get('server-timing')).toMatch(/^cdn-upstream-layer;desc="EDGE",.*cdn-cache-miss,cdn-pop;desc="LOC50-C1",cdn-rid;desc="[^"]+",cdn-downstream-fbl;dur=\d+$/);
    await edge.get('/custom/a');
    const hit = await edge.get('/custom/a', { headers: { pragma: 'server-timing' } });
    expect(hit.headers.get('server-timing')).toMatch(/^cdn-cache-hit,cdn-pop;desc="LOC50-C1",cdn-rid;desc="[^"]+",cdn-hit-layer;desc="EDGE",cdn-downstream-fbl;dur=\d+$/);
  });
});
