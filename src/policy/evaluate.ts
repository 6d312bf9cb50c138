/**
 * §10.7: the IAM evaluation the check needs. Default deny, an applicable Deny beats every Allow, all identity
 * statements unioned, boundary and SCP intersected, tri-state result. A wildcard in the request's action or
 * resource asks for all of them (§10.4): an Allow must cover the whole pattern, a Deny defeats it if it can
 * hit any part of it.
 */
import { evaluateConditions } from './conditions.js';
import { globCovers, globIntersects } from './wildcard.js';
import type { AccessRequest, Decision, Policy, PolicySet, PolicyStatement } from './types.js';

type Tri = true | false | { unknown: string[] };

/** Lower-cased action lists, computed once per statement (actions compare case-insensitively, §10.7 item 3). */
const lowered = new WeakMap<PolicyStatement, string[]>();

function lowerActions(stmt: PolicyStatement): string[] {
  let list = lowered.get(stmt);
  if (list === undefined) {
    list = (stmt.actions ?? stmt.notActions ?? []).map((a) => a.toLowerCase());
    lowered.set(stmt, list);
  }
  return list;
}

function actionApplies(stmt: PolicyStatement, action: string, forAllow: boolean): boolean {
  const a = action.toLowerCase();
  const list = lowerActions(stmt);
  if (stmt.actions) {
    for (const p of list) if (forAllow ? globCovers(p, a) : globIntersects(p, a)) return true;
    return false;
  }
  // NotAction: the statement applies to what the list leaves out.
  for (const p of list) if (forAllow ? globIntersects(p, a) : globCovers(p, a)) return false;
  return true;
}

/** ARNs compare case-sensitively (§10.7 item 4); policy variables make the match unknown. */
function resourceApplies(stmt: PolicyStatement, resource: string | undefined, forAllow: boolean): Tri {
  const patterns = stmt.resources ?? stmt.notResources;
  if (resource === undefined || patterns === undefined) return true;
  const positive = stmt.resources !== undefined;
  // Allow + Resource and Deny + NotResource need "covers"; the other two need "can meet".
  const covers = positive === forAllow;
  let hit = false;
  let variables: string[] | undefined;
  for (const p of patterns) {
    if (p.includes('${')) (variables ??= []).push(p);
    else if (!hit && (covers ? globCovers(p, resource) : globIntersects(p, resource))) hit = true;
  }
  const applies = positive ? hit : !hit;
  if (applies === positive || variables === undefined) return applies;
  return { unknown: variables.map((v) => `policy variable in ${v}`) };
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

