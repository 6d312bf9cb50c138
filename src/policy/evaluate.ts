/**
 * §10.7: the IAM evaluation the check needs. Default deny, an applicable Deny beats every Allow, all identity
 * statements unioned, boundary and SCP intersected, tri-state result. A wildcard in the request's action or
 * resource asks for all of them (§10.4): an Allow must cover the whole pattern, a Deny defeats it if it can
 * hit any part of it.
 */
import { evaluateConditions } from './conditions.js';
import { globCovers, globIntersects, hasWildcard } from './wildcard.js';
import type { AccessRequest, Decision, Policy, PolicySet, PolicyStatement } from './types.js';

type Tri = true | false | { unknown: string[] };

/** Actions compare case-insensitively (§10.7 item 3). */
function actionApplies(stmt: PolicyStatement, action: string, forAllow: boolean): boolean {
  const a = action.toLowerCase();
  if (stmt.actions) {
    return stmt.actions.some((p) => (forAllow ? globCovers(p.toLowerCase(), a) : globIntersects(p.toLowerCase(), a)));
  }
  const listed = stmt.notActions!;
  // NotAction: the statement applies to what the list leaves out.
  if (forAllow) return !listed.some((p) => globIntersects(p.toLowerCase(), a));
  return !listed.some((p) => globCovers(p.toLowerCase(), a));
}

/** ARNs compare case-sensitively (§10.7 item 4); policy variables make the match unknown. */
function resourceApplies(stmt: PolicyStatement, resource: string | undefined, forAllow: boolean): Tri {
  const patterns = stmt.resources ?? stmt.notResources;
  if (resource === undefined || patterns === undefined) return true;
  const variables = patterns.filter((p) => p.includes('${'));
  const plain = patterns.filter((p) => !p.includes('${'));
  const test = (p: string, positive: boolean): boolean =>
    positive === forAllow ? globCovers(p, resource) : globIntersects(p, resource);
  let hit: boolean;
  if (stmt.resources) hit = plain.some((p) => test(p, true));
  else hit = !plain.some((p) => test(p, false));
  if (stmt.resources ? hit : !hit) return hit;
  if (variables.length > 0) return { unknown: variables.map((v) => `policy variable in ${v}`) };
  return hit;
}

function principalApplies(stmt: PolicyStatement, service: string | undefined): boolean {
  if (service === undefined) return true;
  const s = service.toLowerCase();
  const has = (p: NonNullable<PolicyStatement['principal']>): boolean =>
    p.any || p.service.some((x) => x.toLowerCase() === s);
  if (stmt.principal) return has(stmt.principal);
  if (stmt.notPrincipal) return !has(stmt.notPrincipal);
  return false;
}

/** Does one statement apply to the request? For an Allow "apply" means "covers all of it". */
export function statementApplies(stmt: PolicyStatement, request: AccessRequest): Tri {
  const forAllow = stmt.effect === 'Allow';
  if (!actionApplies(stmt, request.action, forAllow)) return false;
  if (!principalApplies(stmt, request.servicePrincipal)) return false;
  const resource = resourceApplies(stmt, request.resource, forAllow);
  if (resource === false) return false;
  const cond = stmt.conditions.length === 0 ? true : evaluateConditions(stmt.conditions, request.context);
  if (cond === false) return false;
  const unknown = [
    ...(resource === true ? [] : resource.unknown),
    ...(cond === true ? [] : cond.unknown),
  ];
  return unknown.length > 0 ? { unknown } : true;
}

/** §10.7 item 1: one group of policies whose statements are unioned. */
export function evaluatePolicies(policies: readonly Policy[], request: AccessRequest): Decision {
  const allowedBy: PolicyStatement[] = [];
  const maybe: PolicyStatement[] = [];
  const maybeKeys: string[] = [];
  let maybeDeny = false;
  for (const policy of policies) {
    for (const stmt of policy.statements) {
      const r = statementApplies(stmt, request);
      if (r === false) continue;
      if (r === true) {
        if (stmt.effect === 'Deny') return { result: 'denied', explicit: true, by: stmt };
        allowedBy.push(stmt);
      } else {
        if (stmt.effect === 'Deny') maybeDeny = true;
        maybe.push(stmt);
        maybeKeys.push(...r.unknown);
      }
    }
  }
  const anyAllow = allowedBy.length > 0 || maybe.some((s) => s.effect === 'Allow');
  if (!anyAllow) return { result: 'denied', explicit: false };
  if (allowedBy.length > 0 && !maybeDeny) return { result: 'allowed', by: allowedBy };
  return { result: 'depends', on: [...new Set(maybeKeys)], by: maybe };
}

/** §10.7 item 1: identity ∩ boundary ∩ SCP; a Deny anywhere wins. */
export function evaluate(set: PolicySet, request: AccessRequest): Decision {
  const groups = [set.identity, set.boundary, set.scp].filter((g): g is Policy[] => g !== undefined);
  const decisions = groups.map((g) => evaluatePolicies(g, request));
  const explicit = decisions.find((d) => d.result === 'denied' && d.explicit);
  if (explicit) return explicit;
  const denied = decisions.find((d) => d.result === 'denied');
  if (denied) return denied;
  const depends = decisions.filter((d): d is Extract<Decision, { result: 'depends' }> => d.result === 'depends');
  if (depends.length > 0) {
    return {
      result: 'depends',
      on: [...new Set(depends.flatMap((d) => d.on))],
      by: depends.flatMap((d) => d.by),
    };
  }
  return decisions[0] ?? { result: 'denied', explicit: false };
}

/** Is the request a pattern (§10.4) rather than one action on one resource? */
export function isPatternRequest(request: AccessRequest): boolean {
  return hasWildcard(request.action) || (request.resource !== undefined && hasWildcard(request.resource));
}
