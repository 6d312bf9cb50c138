import { describe, expect, it } from 'vitest';
import { runCheck } from './run-check.js';

const list = <T>(items: T[]) => ({ Quantity: items.length, Items: items });

describe('checkResponseHeadersPolicies', () => {
  it('issue 11 blocks a custom policy the API would refuse, naming the field', () => {
    const result = runCheck({
      configFile: 'edge-dev.config.json',
      responseHeadersPolicies: {
        good: { Name: 'good', RemoveHeadersConfig: list([{ Header: 'X-Powered-By' }]) },
        bad: { Name: 'bad', RemoveHeadersConfig: list([{ Header: 'Via' }]) },
        broken: { Name: 'broken', SecurityHeadersConfig: { FrameOptions: { FrameOption: 'ALLOW', Override: true } } },
      },
    });
    const codes = result.findings.filter((f) => f.code === 'RESPONSE_HEADERS_POLICY_INVALID');
    expect(result.ok).toBe(false);
    expect(codes.map((f) => f.message)).toEqual([
      expect.stringMatching(/^responseHeadersPolicies\["bad"\]\.RemoveHeadersConfig\.Items\[0\]\.Header: "Via"/),
      expect.stringMatching(/^responseHeadersPolicies\["broken"\]\.SecurityHeadersConfig\.FrameOptions\.FrameOption: is required: "DENY" or "SAMEORIGIN"/),
    ]);
  });
});
