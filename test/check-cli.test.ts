/**
 * `edge-dev check` end to end: runs the built CLI (`npm run build` first) on the fixtures in fixtures/check/.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const F = 'fixtures/check/';
const CONFIG = ['--config', `${F}edge-dev.config.json`];
const FUNCTIONS = ['--function-config', `${F}functions/auth-viewer.json`, '--function-config', `${F}functions/rewrite-origin.json`];

function run(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/edge-dev.js', 'check', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[]) {
  const r = run([...args, '--json']);
  return { ...r, out: JSON.parse(r.stdout) as { ok: boolean; findings: { severity: string; code: string; message: string }[]; notEvaluated: string[] } };
}

describe('edge-dev check (CLI)', () => {
  it('§10 a deployable setup exits 0 with ok: true', () => {
    const r = json([...CONFIG, ...FUNCTIONS, '--deployer-policy', `${F}deployer/aws-documented-minimal.json`, '--trust-policy', `${F}trust/cdk-edge-function.json`]);
    expect(r.code).toBe(0);
    expect(r.out.ok).toBe(true);
    expect(r.out.findings.every((f) => f.severity === 'warning')).toBe(true);
    for (const f of r.out.findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(['severity', 'code', 'message']));
    expect(r.out.notEvaluated).toContain('permissions boundary: not given, not evaluated');
  });

  it('§10.2 the Serverless default trust policy exits 1 with TRUST_EDGELAMBDA_MISSING', () => {
    const r = json([...CONFIG, '--trust-policy', `${F}trust/serverless-default.json`]);
    expect(r.code).toBe(1);
    expect(r.out.ok).toBe(false);
    expect(r.out.findings.map((f) => f.code)).toContain('TRUST_EDGELAMBDA_MISSING');
  });

  it('§10.4 a concrete lambda:EnableReplication exits 1', () => {
    const r = json([...CONFIG, '--deployer-policy', `${F}deployer/concrete-enable-replication.json`, '--deployer-policy', `${F}deployer/cloudfront-and-slr.json`]);
    expect(r.code).toBe(1);
    expect(r.out.findings.filter((f) => f.code === 'DEPLOYER_ENABLE_REPLICATION_MISSING')).toHaveLength(2);
  });

  it('§10.1 a function with environment variables exits 1 and names the file', () => {
    const r = json([...CONFIG, '--function-config', `${F}functions/broken/auth-viewer-env-vars.json`]);
    expect(r.code).toBe(1);
    const f = r.out.findings.find((x) => x.code === 'FUNCTION_ENVIRONMENT_VARIABLES') as Record<string, string> | undefined;
    expect(f?.file).toBe(`${F}functions/broken/auth-viewer-env-vars.json`);
  });

  it('§10.1 (D50) the config functions entry gives origin limits; no function config → noted, not a finding', () => {
    const r = json(CONFIG);
    expect(r.code).toBe(0);
    expect(r.out.notEvaluated.some((n) => n.includes('auth-viewer:3'))).toBe(true);
  });

  it('§10.3 authorization details with --principal exits 0 and notes the missing managed policy', () => {
    const r = json([...CONFIG, '--deployer-policy', `${F}deployer/authorization-details.json`, '--principal', 'ci-deployer']);
    expect(r.code).toBe(0);
    expect(r.out.notEvaluated.some((n) => n.includes('ReadOnlyAccess'))).toBe(true);
  });

  it('§10.7 a depends result is a warning, exit 0', () => {
    const r = json([...CONFIG, '--deployer-policy', `${F}deployer/mfa-required.json`, '--deployer-policy', `${F}deployer/cloudfront-and-slr.json`]);
    expect(r.code).toBe(0);
    expect(r.out.findings.map((f) => f.code)).toContain('DEPLOYER_ENABLE_REPLICATION_DEPENDS');
  });

  it.each([
    ['invalid JSON (issue 12: with line and column)', `${F}bad/invalid-json.json`, 'malformed JSON at line 1, column 64'],
    ['Statement a string', `${F}bad/statement-string.json`, 'Statement'],
    ['Effect not Allow/Deny', `${F}bad/effect-lowercase.json`, 'Statement[1].Effect'],
    ['a missing file', `${F}deployer/does-not-exist.json`, 'file not found'],
  ])('§10.7 %s exits 2 naming the file and field', (_name, file, text) => {
    const r = run([...CONFIG, '--deployer-policy', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain(text);
    expect(r.stdout).toBe('');
  });

  it('an unknown flag exits 2', () => {
    expect(run(['--no-such-flag']).code).toBe(2);
  });

  it('the text report groups by function and lists what was not evaluated', () => {
    const r = run([...CONFIG, ...FUNCTIONS, '--trust-policy', `${F}trust/serverless-default.json`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('arn:aws:lambda:us-east-1:123456789012:function:auth-viewer:3');
    expect(r.stdout).toContain('input trust-policy');
    expect(r.stdout).toContain('not evaluated');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('§10.3 --print-minimal-policy prints valid policies that pass the check', () => {
    const r = run([...CONFIG, ...FUNCTIONS, '--print-minimal-policy']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { deployerPolicy: unknown; trustPolicy: unknown };
    const dir = mkdtempSync(join(tmpdir(), 'edge-dev-check-'));
    writeFileSync(join(dir, 'deployer.json'), JSON.stringify(out.deployerPolicy));
    writeFileSync(join(dir, 'trust.json'), JSON.stringify(out.trustPolicy));
    const again = json([...CONFIG, ...FUNCTIONS, '--deployer-policy', join(dir, 'deployer.json'), '--trust-policy', join(dir, 'trust.json')]);
    expect(again.code).toBe(0);
    expect(again.out.findings.filter((f) => f.code.startsWith('DEPLOYER_') || f.code.startsWith('LEAST_PRIVILEGE_') || f.code.startsWith('TRUST_'))).toEqual([]);
  });

  it('§4 --package NAME=FILE applies the viewer package limit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edge-dev-check-'));
    const zip = join(dir, 'auth.zip');
    writeFileSync(zip, Buffer.alloc(1_100_000));
    const r = json([...CONFIG, '--package', `auth-viewer=${zip}`]);
    expect(r.code).toBe(0);
    expect(r.out.findings.map((f) => f.code)).toContain('FUNCTION_CODE_SIZE_VIEWER');
  });

  it('issue 12: one finding for a problem shared by several functions, the near-miss statement named, the minimal policy suggested once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edge-dev-check-region-'));
    const policy = join(dir, 'region.json');
    writeFileSync(policy, readFileSync(`${F}deployer/aws-documented-minimal.json`, 'utf8').replaceAll('us-east-1', 'eu-west-1'));
    const r = run([...CONFIG, '--deployer-policy', policy]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.filter((line) => line.includes('DEPLOYER_GET_FUNCTION_MISSING'))).toHaveLength(1);
    expect(r.stdout).toMatch(/functions: arn:aws:lambda:us-east-1:123456789012:function:\S+, arn:aws:lambda:us-east-1:123456789012:function:\S+/);
    expect(r.stdout).toContain('allows lambda:GetFunction on arn:aws:lambda:eu-west-1:123456789012:function:auth-viewer:3, but the Region is eu-west-1, not us-east-1.');
    expect(lines.filter((line) => line.includes('--print-minimal-policy'))).toHaveLength(1);
  });
});
