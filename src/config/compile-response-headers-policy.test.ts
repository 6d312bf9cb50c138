import { describe, expect, it } from 'vitest';
import { compileResponseHeadersPolicy, readResponseHeadersPolicy } from './compile-response-headers-policy.js';
import { rootLocation } from './json-location.js';
import { MANAGED_RESPONSE_HEADERS_POLICIES } from './managed-response-headers-policies.js';

const loc = rootLocation('edge-dev.config.json', 'responseHeadersPolicies.p1');
const list = <T>(items: T[]) => ({ Quantity: items.length, Items: items });
const read = (config: Record<string, unknown>) => readResponseHeadersPolicy('p1', { Name: 'p', ...config }, loc, { warnings: [] });

describe('response headers policies', () => {
  it('issue 11 compiles security headers with their documented values and override flags', () => {
    const { policy, problems } = read({
      SecurityHeadersConfig: {
        StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Preload: true, Override: false },
        XSSProtection: { Protection: true, ModeBlock: true, Override: true },
        ContentTypeOptions: { Override: true },
        FrameOptions: { FrameOption: 'DENY', Override: false },
      },
    });
    expect(problems).toEqual([]);
    expect(policy.headers.map((h) => [h.key, h.value, h.override])).toEqual([
      ['X-Content-Type-Options', 'nosniff', true],
      ['X-Frame-Options', 'DENY', false],
      ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains; preload', false],
      ['X-XSS-Protection', '1; mode=block', true],
    ]);
  });

  it('issue 11 expands ALL in AccessControlAllowMethods', () => {
    const { policy } = read({
      CorsConfig: {
        AccessControlAllowOrigins: list(['https://*.example.com']),
        AccessControlAllowHeaders: list(['*']),
        AccessControlAllowMethods: list(['ALL']),
        AccessControlAllowCredentials: true,
        OriginOverride: true,
      },
    });
    expect(policy.cors?.allowMethods).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
  });

  it('issue 11 reports what CreateResponseHeadersPolicy refuses', () => {
    const { problems } = read({
      CustomHeadersConfig: list([{ Header: 'X-Cache', Value: 'x', Override: true }, { Header: 'Bad Name', Value: 'x', Override: true }]),
      RemoveHeadersConfig: list([{ Header: 'Content-Length' }, { Header: 'X-Amz-Cf-Pop' }, { Header: 'X-Powered-By' }]),
      ServerTimingHeadersConfig: { Enabled: true, SamplingRate: 12.34567 },
      SecurityHeadersConfig: { XSSProtection: { Protection: true, ModeBlock: true, ReportUri: 'https://r.example', Override: false }, ContentSecurityPolicy: { ContentSecurityPolicy: 'a'.repeat(1784), Override: false } },
      CorsConfig: {
        AccessControlAllowOrigins: list(['*', 'example.*']),
        AccessControlAllowHeaders: list([]),
        AccessControlAllowMethods: list(['GET', 'TRACE']),
        AccessControlAllowCredentials: true,
        OriginOverride: false,
      },
    });
    const text = problems.map((p) => `${p.loc.path}: ${p.message}`).join('\n');
    for (const expected of ['"X-Cache"', '"Bad Name"', '"Content-Length"', '"X-Amz-Cf-Pop"', 'four decimal', 'ModeBlock and ReportUri', '1784 characters', '"example.*"', '"TRACE"', 'cannot be true']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('X-Powered-By');
    expect(() => compileResponseHeadersPolicy('p1', { Name: 'p', RemoveHeadersConfig: list([{ Header: 'Via' }]) }, loc, { warnings: [] })).toThrow(/Via/);
  });

  it('issue 11 knows the five managed policies by Id (dg:using-managed-response-headers-policies)', () => {
    const security = MANAGED_RESPONSE_HEADERS_POLICIES.get('67f7725c-6f97-4210-82d7-5512b31e9d03')!;
    expect(security.headers.filter((h) => h.override).map((h) => h.key)).toEqual(['X-Content-Type-Options']);
    expect(MANAGED_RESPONSE_HEADERS_POLICIES.get('60669652-455b-4ae9-85a4-c4c02393f86c')!.cors?.allowOrigins).toEqual(['*']);
    expect(MANAGED_RESPONSE_HEADERS_POLICIES.size).toBe(5);
  });
});
