import { describe, it, expect } from 'vitest';
import { runCheck } from './run-check.js';
import { fixtureFunction, fixtureJson, fixturePolicies } from './fixture-loader.test-helper.js';

const config = fixtureJson('edge-dev.config.json') as { distribution: Record<string, unknown>; functions: Record<string, unknown> };
const NOW = new Date('2026-02-01T00:00:00Z');

describe('runCheck (§10)', () => {
  it('§10 ok is false exactly when an error finding exists', () => {
    const good = runCheck({ configFile: 'c.json', distributionConfig: config.distribution, distributionId: 'E2EXAMPLE12345', now: NOW });
    expect(good.ok).toBe(true);
    const bad = runCheck({
      configFile: 'c.json',
      distributionConfig: config.distribution,
      trust: fixturePolicies('trust/serverless-default.json', 'trust-policy', true),
      now: NOW,
    });
    expect(bad.ok).toBe(false);
  });

  it('§10 inputs not given are notes, not findings', () => {
    const r = runCheck({ configFile: 'c.json', distributionConfig: config.distribution, now: NOW });
    expect(r.findings).toEqual([]);
    expect(r.notEvaluated).toEqual(
      expect.arrayContaining([
        'execution role trust policy (§10.2): no --trust-policy given',
        'deployer permissions (§10.3): no --deployer-policy given',
      ]),
    );
  });

  it('§10.1 (D50) a function configuration matching no association is checked with viewer limits as warnings', () => {
    const cfg = fixtureFunction('functions/rewrite-origin.json');
    const r = runCheck({ functionConfigs: [cfg], now: NOW });
    expect(r.functions).toEqual(['arn:aws:lambda:us-east-1:123456789012:function:rewrite-origin:7']);
    expect(r.findings.map((f) => `${f.severity}:${f.code}`)).toEqual([
      'warning:FUNCTION_TIMEOUT_VIEWER',
      'warning:FUNCTION_MEMORY_VIEWER',
    ]);
    expect(r.ok).toBe(true);
  });

  it('§4 an origin-request association keeps the config entry’s 256 MB / 10 s without findings', () => {
    const r = runCheck({ configFile: 'c.json', distributionConfig: config.distribution, configFunctions: config.functions, now: NOW });
    expect(r.findings.filter((f) => f.function?.includes('rewrite-origin'))).toEqual([]);
  });

  it('§10.7 a boundary from authorization details joins the evaluation', () => {
    const r = runCheck({
      configFile: 'c.json',
      distributionConfig: config.distribution,
      distributionId: 'E2EXAMPLE12345',
      deployer: fixturePolicies('deployer/power-user-access.json'),
      boundary: fixturePolicies('deployer/aws-lambda-full-access.json', 'permissions-boundary'),
      now: NOW,
    });
    expect(r.findings.map((f) => f.code)).toContain('DEPLOYER_DISTRIBUTION_MISSING');
    expect(r.notEvaluated).toContain('service control policies (SCPs): not given, not evaluated');
  });
});
