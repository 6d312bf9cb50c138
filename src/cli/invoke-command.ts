import type { Command } from 'commander';

/** `edge-dev invoke` flags (interface.md "Commands"). */
export interface InvokeFlags {
  event: string;
  config?: string;
}

export function registerInvoke(program: Command): void {
  program
    .command('invoke <function>')
    .description('Run one handler with an event through the same execution environment and validation as serve.')
    .requiredOption('--event <file>', 'event JSON file, or - for stdin')
    .option('--config <file>', 'config file (to name functions as in `functions`)')
    // The runtime, the validator and the config loader load only for this command.
    .action(async (name: string, flags: InvokeFlags) => (await import('./run-invoke.js')).runInvoke(name, flags));
}
