import { parseLambdaArn } from './arn.js';
import { evaluate } from './evaluate.js';
import type { AccessRequest, PolicySet } from './types.js';

/**
 * Issue 12: for a permission that is missing on a version ARN, the Allow statements that would grant it but for one
 * part of the ARN (Region, account, function name or version): the usual slip, named with the difference.
 */
export function nearMisses(policies: PolicySet, request: (action: string, resource: string) => AccessRequest, action: string, versionArn: string): string[] {
  const target = parseLambdaArn(versionArn);
  if (target === undefined) return [];
  const found: string[] = [];
  for (const policy of policies.identity) {
    for (const statement of policy.statements) {
      if (statement.effect !== 'Allow') continue;
      for (const resource of statement.resources ?? []) {
        const candidate = parseLambdaArn(resource);
        if (candidate === undefined || resource === versionArn) continue;
        const differences = [
          candidate.region !== target.region && `the Region is ${candidate.region}, not ${target.region}`,
          candidate.account !== target.account && `the account is ${candidate.account}, not ${target.account}`,
          candidate.name !== target.name && `the function name is ${candidate.name}, not ${target.name}`,
          candidate.qualifier !== undefined && candidate.qualifier !== target.qualifier && `the version is ${candidate.qualifier}, not ${target.qualifier}`,
        ].filter((text): text is string => typeof text === 'string');
        if (differences.length !== 1) continue;
        if (evaluate(policies, request(action, resource)).result !== 'allowed') continue;
        found.push(`${statement.label} in ${statement.file} allows ${action} on ${resource}, but ${differences[0]}.`);
      }
    }
  }
  return found;
}
