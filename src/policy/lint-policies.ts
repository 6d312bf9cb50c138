/**
 * Policy lint (warnings): unknown actions (§10.3), set operators on single-valued keys (§10.7 item 5), and the
 * least-privilege review of the deployer policy (wildcards, `*` resources, unconditioned
 * CreateServiceLinkedRole, PassRole on `*`, NotAction allows).
 */
import { isKnownAction, NOT_ACTIONS, ACTION_CATALOG_DATE } from './action-catalog.js';
import { hasWildcard, globIntersects } from './wildcard.js';
import type { Finding, Policy, PolicyStatement } from './types.js';

/** Condition keys that carry one value per request (a ForAnyValue/ForAllValues on them is almost always a mistake). */
const SINGLE_VALUED = new Set([
  'iam:awsservicename',
  'iam:passedtoservice',
  'aws:requestedregion',
  'aws:sourceip',
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:principalarn',
  'aws:principalaccount',
  'aws:principalorgid',
  'aws:securetransport',
  'aws:multifactorauthpresent',
  'aws:username',
  'aws:userid',
]);

function at(policy: Policy, stmt: PolicyStatement): Pick<Finding, 'input' | 'file' | 'statement'> {
  return { input: policy.kind, file: stmt.file, statement: stmt.label };
}

/** §10.3: actions that do not exist grant nothing. */
export function lintUnknownActions(policy: Policy): Finding[] {
  const out: Finding[] = [];
  for (const stmt of policy.statements) {
    for (const action of [...(stmt.actions ?? []), ...(stmt.notActions ?? [])]) {
      if (hasWildcard(action)) continue;
      const replacement = NOT_ACTIONS.get(action.toLowerCase());
      if (replacement) {
        out.push({
          ...at(policy, stmt),
          severity: 'warning',
          code: 'POLICY_UNKNOWN_ACTION',
          message: `${action} is an API operation, not an IAM action; it grants nothing`,
          fix: `Use ${replacement}.`,
          reference: '§10.3',
        });
      } else if (isKnownAction(action) === false) {
        out.push({
          ...at(policy, stmt),
          severity: 'warning',
          code: 'POLICY_UNKNOWN_ACTION',
          message: `${action} is not an IAM action in edge-dev's list (Service Authorization Reference, ${ACTION_CATALOG_DATE}); an action AWS does not define grants nothing`,
          fix: 'Check the spelling against the Service Authorization Reference.',
          reference: '§10.3',
        });
      }
    }
  }
  return out;
}

/** §10.7 item 5: ForAnyValue:/ForAllValues: on a single-valued key. */
export function lintSetOperators(policy: Policy): Finding[] {
  const out: Finding[] = [];
  for (const stmt of policy.statements) {
    for (const c of stmt.conditions) {
      if (c.set && SINGLE_VALUED.has(c.lowerKey)) {
        out.push({
          ...at(policy, stmt),
          severity: 'warning',
          code: 'POLICY_SET_OPERATOR_ON_SINGLE_VALUED_KEY',
          message: `${c.operator} is used on ${c.key}, which has one value per request`,
          fix:
            c.set === 'ForAllValues'
              ? `Drop "ForAllValues:": it is true when the key is missing, so the condition may allow more than intended.`
              : `Drop "ForAnyValue:" and use ${c.base}${c.ifExists ? 'IfExists' : ''}.`,
          reference: '§10.7',
        });
      }
    }
  }
  return out;
}

/** Actions whose resource can be named precisely in a Lambda@Edge deployer policy. */
const SCOPABLE = ['lambda:getfunction', 'lambda:enablereplication*', 'lambda:disablereplication*', 'cloudfront:updatedistribution', 'iam:createservicelinkedrole'];
const REQUIRED_PATTERNS = new Set(['lambda:enablereplication*', 'lambda:disablereplication*']);

function allowsAction(stmt: PolicyStatement, action: string): boolean {
  if (stmt.actions) return stmt.actions.some((p) => globIntersects(p.toLowerCase(), action));
  return !stmt.notActions!.some((p) => globIntersects(p.toLowerCase(), action) && !hasWildcard(action));
}

/** §10.3 least privilege, deployer policy only. */
export function lintLeastPrivilege(policy: Policy): Finding[] {
  const out: Finding[] = [];
  for (const stmt of policy.statements) {
    if (stmt.effect !== 'Allow') continue;
    const where = at(policy, stmt);
    if (stmt.notActions) {
      out.push({
        ...where,
        severity: 'warning',
        code: 'LEAST_PRIVILEGE_NOT_ACTION_ALLOW',
        message: `an Allow with NotAction (${stmt.notActions.join(', ')}) grants every other action of every service`,
        fix: 'List the actions the deploy needs instead (see --print-minimal-policy).',
      });
    }
    const wild = (stmt.actions ?? []).filter((a) => hasWildcard(a) && !REQUIRED_PATTERNS.has(a.toLowerCase()));
    if (wild.length > 0) {
      out.push({
        ...where,
        severity: 'warning',
        code: 'LEAST_PRIVILEGE_WILDCARD_ACTION',
        message: `wildcard actions ${wild.join(', ')} grant more than the deploy needs`,
        fix: 'Name the actions (see --print-minimal-policy); only lambda:EnableReplication* and lambda:DisableReplication* need the "*".',
      });
    }
    const anyResource = stmt.notResources !== undefined || (stmt.resources ?? []).includes('*');
    if (!anyResource) continue;
    const scoped = SCOPABLE.filter((a) => allowsAction(stmt, a));
    if (scoped.length > 0 && stmt.actions) {
      out.push({
        ...where,
        severity: 'warning',
        code: 'LEAST_PRIVILEGE_WILDCARD_RESOURCE',
        message: `Resource "*" where an ARN fits (${scoped.join(', ')})`,
        fix: 'Use the version ARNs (…:function:name:*), the distribution ARN and the service-linked role ARNs.',
      });
    }
    if (allowsAction(stmt, 'iam:passrole')) {
      out.push({
        ...where,
        severity: 'warning',
        code: 'LEAST_PRIVILEGE_PASS_ROLE_ANY',
        message: 'iam:PassRole is allowed on every role',
        fix: 'Limit iam:PassRole to the execution role ARN, with {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}.',
      });
    }
  }
  for (const stmt of policy.statements) {
    if (stmt.effect !== 'Allow' || !allowsAction(stmt, 'iam:createservicelinkedrole')) continue;
    if (stmt.conditions.some((c) => c.lowerKey === 'iam:awsservicename')) continue;
    out.push({
      ...at(policy, stmt),
      severity: 'warning',
      code: 'LEAST_PRIVILEGE_SERVICE_LINKED_ROLE_UNCONDITIONED',
      message: 'iam:CreateServiceLinkedRole is allowed without an iam:AWSServiceName condition',
      fix: 'Add {"StringLike": {"iam:AWSServiceName": ["replicator.lambda.amazonaws.com", "logger.cloudfront.amazonaws.com"]}}.',
    });
  }
  return out.map((f) => ({ ...f, reference: f.reference ?? '§10.3' }));
}
