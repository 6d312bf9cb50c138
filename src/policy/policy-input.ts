/**
 * Recognises the JSON forms a policy arrives in: a bare document, `aws iam get-role-policy` / `get-user-policy`,
 * `get-policy-version`, `get-role` (trust policy) and `get-account-authorization-details` (one user or role picked).
 */
import { ConfigError } from '../event/errors.js';
import { decodePolicyDocument, parsePolicyDocument } from './parse-policy.js';
import type { InputKind, Policy } from './types.js';

export interface PolicyInput {
  policies: Policy[];
  /** Permissions boundary found in authorization details. */
  boundary?: Policy[];
  /** From get-role / authorization details. */
  roleArn?: string;
  /** Attached managed policies that the file does not contain (not evaluated). */
  missingManaged: string[];
}

export interface PolicyInputOptions {
  kind: InputKind;
  trust?: boolean;
  /** User or role name or ARN to pick from authorization details. */
  principal?: string;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function baseName(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return file.slice(i + 1);
}

export function policiesFromJson(json: unknown, file: string, options: PolicyInputOptions): PolicyInput {
  if (!isObject(json)) throw new ConfigError(file, '', 'must be a JSON object (an IAM policy document or AWS CLI output)');
  const parse = (doc: unknown, prefix: string, name: string): Policy =>
    parsePolicyDocument(decodePolicyDocument(doc, file, prefix), {
      file,
      prefix,
      name,
      kind: options.kind,
      trust: options.trust,
    });

  if ('Statement' in json) return { policies: [parse(json, '', baseName(file))], missingManaged: [] };
  if (isObject(json.Role) && 'AssumeRolePolicyDocument' in json.Role) {
    if (!options.trust) {
      throw new ConfigError(file, 'Role.AssumeRolePolicyDocument', 'is a trust policy (aws iam get-role); pass this file to --trust-policy');
    }
    const role = json.Role;
    return {
      policies: [parse(role.AssumeRolePolicyDocument, 'Role.AssumeRolePolicyDocument', String(role.RoleName ?? baseName(file)))],
      roleArn: typeof role.Arn === 'string' ? role.Arn : undefined,
      missingManaged: [],
    };
  }
  if ('PolicyDocument' in json) {
    return { policies: [parse(json.PolicyDocument, 'PolicyDocument', String(json.PolicyName ?? baseName(file)))], missingManaged: [] };
  }
  if (isObject(json.PolicyVersion) && 'Document' in json.PolicyVersion) {
    return { policies: [parse(json.PolicyVersion.Document, 'PolicyVersion.Document', baseName(file))], missingManaged: [] };
  }
  if (Array.isArray(json.UserDetailList) || Array.isArray(json.RoleDetailList)) {
    return fromAuthorizationDetails(json, file, options, parse);
  }
  throw new ConfigError(
    file,
    'Statement',
    'is missing; give an IAM policy document or the output of aws iam get-role-policy, get-policy-version, get-role or get-account-authorization-details',
  );
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function fromAuthorizationDetails(
  json: Json,
  file: string,
  options: PolicyInputOptions,
  parse: (doc: unknown, prefix: string, name: string) => Policy,
): PolicyInput {
  const users = list(json.UserDetailList).map((u, i) => ({ kind: 'User' as const, d: u, path: `UserDetailList[${i}]` }));
  const roles = list(json.RoleDetailList).map((r, i) => ({ kind: 'Role' as const, d: r, path: `RoleDetailList[${i}]` }));
  const candidates = options.trust ? roles : [...users, ...roles];
  const wanted = options.principal;
  const chosen = wanted
    ? candidates.filter((c) => c.d.Arn === wanted || c.d.UserName === wanted || c.d.RoleName === wanted)
    : candidates;
  if (chosen.length !== 1) {
    const names = candidates.map((c) => String(c.d.UserName ?? c.d.RoleName)).join(', ');
    throw new ConfigError(
      file,
      options.trust ? 'RoleDetailList' : 'UserDetailList/RoleDetailList',
      wanted
        ? `has no single user or role named ${JSON.stringify(wanted)}; available: ${names || '(none)'}`
        : `holds ${candidates.length} principals (${names}); choose one with --principal NAME`,
    );
  }
  const { kind, d, path } = chosen[0]!;
  const arn = typeof d.Arn === 'string' ? d.Arn : undefined;
  if (options.trust) {
    return {
      policies: [parse(d.AssumeRolePolicyDocument, `${path}.AssumeRolePolicyDocument`, String(d.RoleName))],
      roleArn: arn,
      missingManaged: [],
    };
  }
  const managed = new Map<string, { doc: unknown; path: string; name: string }>();
  list(json.Policies).forEach((p, i) => {
    const versions = list(p.PolicyVersionList);
    const v = versions.findIndex((x) => x.IsDefaultVersion === true);
    if (typeof p.Arn === 'string' && v >= 0) {
      managed.set(p.Arn, { doc: versions[v]!.Document, path: `Policies[${i}].PolicyVersionList[${v}].Document`, name: String(p.PolicyName) });
    }
  });
  const policies: Policy[] = [];
  const missingManaged: string[] = [];
  const addInline = (owner: Json, ownerPath: string, field: string): void => {
    list(owner[field]).forEach((p, i) => {
      policies.push(parse(p.PolicyDocument, `${ownerPath}.${field}[${i}].PolicyDocument`, String(p.PolicyName)));
    });
  };
  const addAttached = (owner: Json): void => {
    for (const a of list(owner.AttachedManagedPolicies)) {
      const m = typeof a.PolicyArn === 'string' ? managed.get(a.PolicyArn) : undefined;
      if (m) policies.push(parse(m.doc, m.path, m.name));
      else missingManaged.push(String(a.PolicyArn));
    }
  };
  addInline(d, path, kind === 'User' ? 'UserPolicyList' : 'RolePolicyList');
  addAttached(d);
  if (kind === 'User' && Array.isArray(d.GroupList)) {
    list(json.GroupDetailList).forEach((g, i) => {
      if (!(d.GroupList as unknown[]).includes(g.GroupName)) return;
      addInline(g, `GroupDetailList[${i}]`, 'GroupPolicyList');
      addAttached(g);
    });
  }
  let boundary: Policy[] | undefined;
  const pb = isObject(d.PermissionsBoundary) ? d.PermissionsBoundary.PermissionsBoundaryArn : undefined;
  if (typeof pb === 'string') {
    const m = managed.get(pb);
    if (m) boundary = [{ ...parse(m.doc, m.path, m.name), kind: 'permissions-boundary' }];
    else missingManaged.push(pb);
  }
  return { policies, boundary, roleArn: arn, missingManaged };
}
