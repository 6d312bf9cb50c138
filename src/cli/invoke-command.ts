import type { Command } from 'commander';

export function registerInvoke(program: Command): void {
  program.command('invoke').description('(not implemented yet)').action(() => {
    process.stderr.write('edge-dev invoke: not implemented yet\n');
    process.exitCode = 2;
  });
}
