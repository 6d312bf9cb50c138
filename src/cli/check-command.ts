/**
 * `edge-dev check` (interface.md "Commands", reference §10). Exit 0: nothing blocks the deploy; 1: an error
 * finding; 2: an input could not be read (the message names the file and the JSON path).
 */
import type { Command } from 'commander';

/** `edge-dev check` flags as commander parses them. */
export interface CheckFlags {
  config?: string;
  from?: string;
  parameter: string[];
  var: string[];
  deployerPolicy: string[];
  permissionsBoundary: string[];
  scp: string[];
  trustPolicy?: string;
  executionRolePolicy: string[];
  functionConfig: string[];
  package: string[];
  accountId?: string;
  serviceLinkedRolesExist?: boolean;
  principal?: string;
  executionRole?: string;
  json?: boolean;
  printMinimalPolicy?: boolean;
  fromAws?: boolean;
  awsEndpoint?: string;
  distributionId?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('Pre-deploy check for Lambda@Edge: associations, function configuration, trust policy and deployer IAM permissions.')
    .option('--config <file>', 'config file (default: edge-dev.config.json in the working directory)')
    .option('--from <path>', 'check the distribution of infrastructure code (template, cdk.out, Terraform, serverless.yml) without a config file')
    .option('--parameter <key=value>', 'with --from: a CloudFormation parameter (repeatable)', collect, [])
    .option('--var <key=value>', 'with --from: a Terraform variable or serverless option (repeatable)', collect, [])
    .option('--deployer-policy <file>', 'IAM policy of the deploying principal; also get-role-policy, get-policy-version or get-account-authorization-details output (repeatable)', collect, [])
    .option('--permissions-boundary <file>', "the deploying principal's permissions boundary (repeatable)", collect, [])
    .option('--scp <file>', 'a service control policy that applies to the account (repeatable)', collect, [])
    .option('--trust-policy <file>', "the execution role's trust policy, or aws iam get-role output")
    .option('--execution-role-policy <file>', "the execution role's permissions, for the logging check (repeatable)", collect, [])
    .option('--function-config <file>', 'aws lambda get-function-configuration output (repeatable; matched by ARN or name)', collect, [])
    .option('--package <file>', 'the deployment .zip, as FILE or NAME=FILE, for package-size limits (repeatable)', collect, [])
    .option('--account-id <id>', 'the AWS account id, when no ARN gives it')
    .option('--service-linked-roles-exist', 'the Lambda@Edge service-linked roles already exist in the account')
    .option('--principal <name>', 'user or role to check in get-account-authorization-details output')
    .option('--execution-role <name>', 'execution role to pick from get-account-authorization-details output')
    .option('--distribution-id <id>', 'the distribution Id (default: the config file\'s distributionId)')
    .option('--json', 'print { ok, findings } as JSON')
    .option('--print-minimal-policy', 'print the least-privilege deployer policy and trust policy, then exit')
    .option('--from-aws', 'read the distribution config, function configurations and trust policies from AWS')
    .option('--aws-endpoint <url>', 'endpoint for the AWS clients (tests: a loopback server)')
    .exitOverride((err) => {
      process.exit(err.code === 'commander.helpDisplayed' || err.code === 'commander.help' ? 0 : 2);
    })
    // policy/ (and the AWS clients of --from-aws) load only for this command.
    .action(async (flags: CheckFlags) => (await import('./run-check.js')).runCheckCommand(flags));
}
