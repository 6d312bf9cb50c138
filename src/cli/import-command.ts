/**
 * `edge-dev import PATH` (interface.md › Distributions from infrastructure code). Exit 0: converted (warnings on
 * stderr); 1: no distribution could be converted; 2: unreadable input.
 */
import type { Command } from 'commander';

/** `edge-dev import` flags as commander parses them. */
export interface ImportFlags {
  stack?: string;
  distribution?: string;
  parameter: string[];
  var: string[];
  out?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerImport(program: Command): void {
  program
    .command('import')
    .argument('<path>', 'a CloudFormation/SAM template, a cdk.out directory, a Terraform directory or `terraform show -json` output, a serverless.yml, or a DistributionConfig')
    .description('Convert infrastructure code to an edge-dev configuration (distribution, functions, policies).')
    .option('--stack <name>', 'the stack to read when the source holds several (CDK stack name)')
    .option('--distribution <id>', 'the distribution to read when there are several: logical ID, Terraform resource address or CDK construct path')
    .option('--parameter <key=value>', 'a CloudFormation parameter (repeatable)', collect, [])
    .option('--var <key=value>', 'a Terraform variable or serverless option (repeatable)', collect, [])
    .option('--out <file>', 'write the configuration to FILE (paths relative to it) instead of stdout')
    .exitOverride((err) => {
      process.exit(err.code === 'commander.helpDisplayed' || err.code === 'commander.help' ? 0 : 2);
    })
    // sources/ (YAML and HCL parsers) loads only for this command.
    .action(async (path: string, flags: ImportFlags) => (await import('./run-import.js')).runImport(path, flags));
}
