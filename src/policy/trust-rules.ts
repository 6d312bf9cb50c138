/**
 * §10.2: the execution role must be assumable by both lambda.amazonaws.com and edgelambda.amazonaws.com.
 */
import { evaluatePolicies } from './evaluate.js';
import type { Finding, Policy } from './types.js';

const PRINCIPALS = [
  {
    service: 'edgelambda.amazonaws.com',
    code: 'TRUST_EDGELAMBDA',
    aws: (role: string) =>
      `The function execution role must be assumable with edgelambda.amazonaws.com as well as lambda.amazonaws.com principals. Update the IAM role and try again. Role: ${role}`,
  },
  {
    service: 'lambda.amazonaws.com',
    code: 'TRUST_LAMBDA',
    aws: () => 'The role defined for the function cannot be assumed by Lambda.',
  },
] as const;

/** §10.2: statements unioned, Principal.Service string or list, sts:AssumeRole / sts:* / *, Deny subtracted. */
export function checkTrustPolicy(policies: Policy[], roleArn: string | undefined): Finding[] {
  const findings: Finding[] = [];
  const files = [...new Set(policies.map((p) => p.file))];
  const role = roleArn ?? 'arn:aws:iam::…:role/…';
  for (const p of PRINCIPALS) {
    const d = evaluatePolicies(policies, {
      action: 'sts:AssumeRole',
      servicePrincipal: p.service,
      context: new Map(),
    });
    const base = {
      input: 'trust-policy' as const,
      reference: '§10.2',
      awsMessage: p.aws(role),
      fix: `Add "${p.service}" to Principal.Service of an Allow statement for "sts:AssumeRole", e.g. {"Effect":"Allow","Principal":{"Service":["lambda.amazonaws.com","edgelambda.amazonaws.com"]},"Action":"sts:AssumeRole"}.`,
      function: roleArn,
    };
    if (d.result === 'allowed') continue;
    if (d.result === 'denied') {
      findings.push({
        ...base,
        severity: 'error',
        code: `${p.code}_MISSING`,
        message: d.by
          ? `${p.service} may not assume the role: denied by ${d.by.label}`
          : `no statement lets ${p.service} call sts:AssumeRole`,
        file: d.by?.file ?? files.join(', '),
        statement: d.by?.label,
      });
    } else {
      findings.push({
        ...base,
        severity: 'warning',
        code: `${p.code}_DEPENDS`,
        message: `whether ${p.service} may assume the role depends on ${d.on.join(', ')}, which the check cannot know`,
        file: d.by[0]?.file,
        statement: d.by.map((s) => s.label).join(', '),
        dependsOn: d.on,
        fix: `Make sure the condition holds when ${p.service} assumes the role, or drop it.`,
      });
    }
  }
  return findings;
}
