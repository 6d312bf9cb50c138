import { describe, it, expect } from 'vitest';
import { checkFunctionConfig } from './function-rules.js';
import { checkFunctionLimits } from './function-limits.js';
import { fixtureFunction } from './fixture-loader.test-helper.js';
import type { CheckedFunction } from './types.js';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:auth-viewer:3';
const NOW = new Date('2026-02-01T00:00:00Z');

function viewerFn(file: string): CheckedFunction {
  return { id: ARN, associations: [], eventTypes: ['viewer-request'], associated: true, config: fixtureFunction(file) };
}

function codes(file: string): string[] {
  return checkFunctionConfig(viewerFn(file), NOW).map((f) => `${f.severity}:${f.code}`);
}

describe('function configuration (§10.1)', () => {
  it('§10.1 a valid configuration has no findings', () => {
    expect(codes('functions/auth-viewer.json')).toEqual([]);
  });

  it.each([
    ['env-vars', 'error:FUNCTION_ENVIRONMENT_VARIABLES', `The function cannot have environment variables. Function: ${ARN}`],
    ['layers', 'error:FUNCTION_LAYERS', `The function cannot have a layer. Function: ${ARN}`],
    ['vpc', 'error:FUNCTION_VPC', `The function cannot have a VPC configuration. Function: ${ARN}`],
    ['arm64', 'error:FUNCTION_ARCHITECTURE', 'Lambda@Edge does not support functions with an architecture of arm64'],
    ['image', 'error:FUNCTION_PACKAGE_TYPE', undefined],
    ['dlq', 'error:FUNCTION_DEAD_LETTER_QUEUE', undefined],
    ['tracing', 'error:FUNCTION_TRACING_ACTIVE', undefined],
    ['ephemeral', 'error:FUNCTION_EPHEMERAL_STORAGE', undefined],
    ['kms', 'error:FUNCTION_CUSTOMER_KMS_KEY', undefined],
    ['runtime-java', 'error:FUNCTION_RUNTIME_UNSUPPORTED', undefined],
    ['runtime-node16', 'error:FUNCTION_RUNTIME_UNSUPPORTED', undefined],
    ['runtime-management-manual', 'error:FUNCTION_RUNTIME_MANAGEMENT', undefined],
    ['pending', 'error:FUNCTION_STATE_NOT_ACTIVE', `The function must be in an Active state. The current state for function ${ARN} is Pending`],
    ['version-mismatch', 'warning:FUNCTION_CONFIG_VERSION_MISMATCH', undefined],
  ])('§10.1 %s → %s', (name, code, awsMessage) => {
    const findings = checkFunctionConfig(viewerFn(`functions/broken/auth-viewer-${name}.json`), NOW);
    expect(findings.map((f) => `${f.severity}:${f.code}`)).toEqual([code]);
    expect(findings[0]!.file).toBe(`functions/broken/auth-viewer-${name}.json`);
    if (awsMessage) expect(findings[0]!.awsMessage).toBe(awsMessage);
  });

  it('§10.1 the runtime message lists the supported runtimes (2020 form)', () => {
    const [f] = checkFunctionConfig(viewerFn('functions/broken/auth-viewer-runtime-java.json'), NOW);
    expect(f!.awsMessage).toMatch(/^The function has a runtime that is not supported by Lambda@Edge: java21 Function: .* Supported runtimes: \[nodejs24\.x/);
  });

  it('§10.1 a runtime past its deprecation date is an error, one close to it a warning', () => {
    const late = new Date('2026-05-01T00:00:00Z');
    const fn = viewerFn('functions/auth-viewer.json');
    fn.config!.raw.Runtime = 'nodejs20.x';
    expect(checkFunctionConfig(fn, late).map((f) => f.code)).toEqual(['FUNCTION_RUNTIME_UNSUPPORTED']);
    fn.config!.raw.Runtime = 'nodejs22.x';
    expect(checkFunctionConfig(fn, new Date('2027-01-01T00:00:00Z')).map((f) => `${f.severity}:${f.code}`)).toEqual([
      'warning:FUNCTION_RUNTIME_NOTICE',
    ]);
  });
});

describe('limits (§4, D28, D50)', () => {
  const v = (value: number) => ({ value, input: 'function-config' as const, file: 'f.json', field: 'X' });
  const fn = (eventTypes: CheckedFunction['eventTypes'], associated = true): CheckedFunction => ({ id: ARN, associations: [], eventTypes, associated });

  it.each([
    ['viewer memory 1024', ['viewer-request'], { memorySize: v(1024) }, ['warning:FUNCTION_MEMORY_VIEWER']],
    ['origin memory 1024', ['origin-request'], { memorySize: v(1024) }, []],
    ['viewer timeout 10', ['viewer-response'], { timeout: v(10) }, ['warning:FUNCTION_TIMEOUT_VIEWER']],
    ['origin timeout 10', ['origin-response'], { timeout: v(10) }, []],
    ['any timeout 60', ['origin-request'], { timeout: v(60) }, ['error:FUNCTION_TIMEOUT_MAX']],
    ['viewer code 1.4 MB', ['viewer-request'], { codeSize: v(1_423_536) }, ['warning:FUNCTION_CODE_SIZE_VIEWER']],
    ['origin code 1.4 MB', ['origin-request'], { codeSize: v(1_423_536) }, []],
    ['any code 60 MB', ['origin-request'], { codeSize: v(62_914_560) }, ['error:FUNCTION_CODE_SIZE_MAX']],
    ['at the viewer limits', ['viewer-request'], { memorySize: v(128), timeout: v(5), codeSize: v(1_048_576) }, []],
  ] as const)('§4 %s', (_name, eventTypes, values, expected) => {
    expect(checkFunctionLimits(fn([...eventTypes]), values).map((f) => `${f.severity}:${f.code}`)).toEqual(expected);
  });

  it('§4 (D28) viewer warnings quote AWS and cite both quota pages', () => {
    const [f] = checkFunctionLimits(fn(['viewer-request']), { memorySize: v(1024) });
    expect(f!.awsMessage).toBe(
      `The function memory size is larger than the maximum allowed size for functions that are triggered by a CloudFront event: 1024 Max allowed: 128 Function: ${ARN}`,
    );
    expect(f!.hint).toContain('5999c0d/doc_source/cloudfront-limits.md');
    expect(f!.hint).toContain('DeveloperGuide/cloudfront-limits.html');
  });

  it('§4 (D50) an unassociated function gets viewer limits as warnings', () => {
    const findings = checkFunctionLimits(fn(['viewer-request', 'viewer-response'], false), { timeout: v(10) });
    expect(findings.map((f) => `${f.severity}:${f.code}`)).toEqual(['warning:FUNCTION_TIMEOUT_VIEWER']);
    expect(findings[0]!.message).toContain('D50');
  });
});
