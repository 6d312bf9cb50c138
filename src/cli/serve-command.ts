import type { Command } from 'commander';

export function registerServe(program: Command): void {
  program.command('serve').description('(not implemented yet)').action(() => {
    process.stderr.write('edge-dev serve: not implemented yet\n');
    process.exitCode = 2;
  });
}
