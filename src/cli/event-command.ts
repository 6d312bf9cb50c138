import type { Command } from 'commander';

export function registerEvent(program: Command): void {
  program.command('event').description('(not implemented yet)').action(() => {
    process.stderr.write('edge-dev event: not implemented yet\n');
    process.exitCode = 2;
  });
}
