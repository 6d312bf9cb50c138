import type { Command } from 'commander';

export function registerCheck(program: Command): void {
  program.command('check').description('(not implemented yet)').action(() => {
    process.stderr.write('edge-dev check: not implemented yet\n');
    process.exitCode = 2;
  });
}
