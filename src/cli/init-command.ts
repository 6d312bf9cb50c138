import type { Command } from 'commander';

/** `edge-dev init [DIR]` (interface.md › For programs and people): a working starter. */
export function registerInit(program: Command): void {
  program
    .command('init [dir]')
    .description('Write a working starter: config, distribution, two handlers, a test and a page (the folder must not have them).')
    .action(async (dir: string | undefined) => (await import('./run-init.js')).runInit(dir));
}
