import { describe, it, expect } from 'vitest';
import { policiesFromJson } from './policy-input.js';
import { fixtureJson } from './fixture-loader.test-helper.js';

function read(file: string, options: Parameters<typeof policiesFromJson>[2] = { kind: 'deployer-policy' }) {
  return policiesFromJson(fixtureJson(file), file, options);
}

function errorOf(fn: () => unknown): { name: string; file: string; field: string; message: string } {
  try {
    fn();
  } catch (err) {
    return err as never;
  }
  throw new Error('expected a ConfigError');
}

describe('policy inputs (§10.7 item 2)', () => {
  it('§10.7 reads get-role-policy output at PolicyDocument', () => {
    const { policies } = read('deployer/get-role-policy-output.json');
    expect(policies[0]!.name).toBe('lambda-edge-deploy');
    expect(policies[0]!.statements[1]!.path).toBe('PolicyDocument.Statement[1]');
  });

  it('§10.7 reads a URL-encoded get-policy-version document', () => {
    const { policies } = read('deployer/get-policy-version-output.json');
    expect(policies[0]!.statements[0]!.actions).toEqual(['iam:CreateServiceLinkedRole']);
    expect(policies[0]!.statements[0]!.path).toBe('PolicyVersion.Document.Statement[0]');
  });

  it('§10.7 picks a user from get-account-authorization-details with inline, group and managed policies', () => {
    const input = read('deployer/authorization-details.json', { kind: 'deployer-policy', principal: 'ci-deployer' });
    expect(input.policies.map((p) => p.name)).toEqual(['edge-replication', 'edge-distribution']);
    expect(input.missingManaged).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    expect(input.policies[1]!.statements[0]!.path).toBe('Policies[0].PolicyVersionList[0].Document.Statement[0]');
  });

  it('§10.7 several principals without --principal is an input error', () => {
    const e = errorOf(() => read('deployer/authorization-details.json'));
    expect(e.name).toBe('ConfigError');
    expect(e.message).toContain('--principal');
  });

  it('§10.2 picks the role trust policy from authorization details', () => {
    const input = read('deployer/authorization-details.json', { kind: 'trust-policy', trust: true });
    expect(input.roleArn).toBe('arn:aws:iam::123456789012:role/edge-auth-role');
    expect(input.policies[0]!.statements).toHaveLength(2);
  });

  it.each([
    ['bad/statement-string.json', 'Statement', 'must be a statement object or a list'],
    ['bad/effect-lowercase.json', 'Statement[1].Effect', 'must be exactly "Allow" or "Deny"'],
    ['bad/action-and-notaction.json', 'Statement', 'has both "Action" and "NotAction"'],
  ])('§10.7 %s → ConfigError at %s', (file, field, text) => {
    const e = errorOf(() => read(file));
    expect(e).toMatchObject({ name: 'ConfigError', file, field });
    expect(e.message).toContain(text);
  });

  it('§10.2 a get-role file given as a deployer policy says where it belongs', () => {
    const e = errorOf(() => read('trust/get-role-output.json'));
    expect(e.message).toContain('--trust-policy');
  });
});
