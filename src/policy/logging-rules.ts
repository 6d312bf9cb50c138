/**
 * §10.6: replicas log to /aws/lambda/us-east-1.<name> in the Region where they ran, so the execution role must
 * allow log writes in every Region to that group. Warnings only.
 */
import { evaluatePolicies } from './evaluate.js';
import type { Decision, Finding, Policy } from './types.js';

/** Regions other than us-east-1 where replicas run; a policy must cover all of them. */
const SAMPLE_REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'sa-east-1'];
const ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents'];

function streamArn(partition: string, region: string, account: string, group: string): string {
  return `arn:${partition}:logs:${region}:${account}:log-group:${group}:log-stream:2026/01/01/[1]0123456789abcdef`;
}

function allowedIn(policies: Policy[], partition: string, account: string, group: string, regions: string[]): Decision[] {
  return regions.flatMap((region) =>
    ACTIONS.map((action) =>
      evaluatePolicies(policies, {
        action,
        resource: streamArn(partition, region, account, group),
        context: new Map([['aws:requestedregion', [region]]]),
      }),
    ),
  );
}

/** §10.6 for one function name. */
export function checkExecutionRoleLogging(policies: Policy[], partition: string, account: string, name: string): Finding[] {
  const group = `/aws/lambda/us-east-1.${name}`;
  const base = {
    input: 'execution-role-policy' as const,
    file: [...new Set(policies.map((p) => p.file))].join(', '),
    function: name,
    reference: '§10.6',
    fix:
      `Allow logs:CreateLogGroup, logs:CreateLogStream and logs:PutLogEvents on "arn:${partition}:logs:*:${account}:log-group:${group}:*" ` +
      `and "arn:${partition}:logs:*:${account}:log-group:${group}:*:*".`,
  };
  const everywhere = allowedIn(policies, partition, account, group, SAMPLE_REGIONS);
  if (everywhere.every((d) => d.result === 'allowed')) return [];
  const depends = everywhere.filter((d): d is Extract<Decision, { result: 'depends' }> => d.result === 'depends');
  if (depends.length > 0 && everywhere.every((d) => d.result !== 'denied')) {
    const on = [...new Set(depends.flatMap((d) => d.on))];
    return [{ ...base, severity: 'warning', code: 'EXECUTION_ROLE_LOGS_DEPENDS', message: `edge log writes to ${group} depend on ${on.join(', ')}`, dependsOn: on }];
  }
  const home = allowedIn(policies, partition, account, group, ['us-east-1']);
  if (home.every((d) => d.result === 'allowed')) {
    return [
      {
        ...base,
        severity: 'warning',
        code: 'EXECUTION_ROLE_LOGS_ONE_REGION',
        message: `log writes to ${group} are allowed in us-east-1 only; replicas in other Regions will lose their logs`,
      },
    ];
  }
  const plain = allowedIn(policies, partition, account, `/aws/lambda/${name}`, ['us-east-1']);
  if (plain.every((d) => d.result === 'allowed')) {
    return [
      {
        ...base,
        severity: 'warning',
        code: 'EXECUTION_ROLE_LOGS_WRONG_GROUP',
        message: `log writes are allowed to /aws/lambda/${name} but replicas log to ${group} (with the us-east-1. prefix)`,
      },
    ];
  }
  return [{ ...base, severity: 'warning', code: 'EXECUTION_ROLE_LOGS_MISSING', message: `the execution role may not write logs to ${group}` }];
}
