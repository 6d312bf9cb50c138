/**
 * The `edge-dev` command line (interface.md "Commands"). Each command lives in its own module and registers itself.
 */
import { Command } from 'commander';
import { registerServe } from './serve-command.js';
import { registerInvoke } from './invoke-command.js';
import { registerEvent } from './event-command.js';
import { registerCheck } from './check-command.js';
import { registerImport } from './import-command.js';

const program = new Command('edge-dev')
  .description('A local, exact testbed for Amazon CloudFront with Lambda@Edge.')
  .showHelpAfterError();

registerServe(program);
registerInvoke(program);
registerEvent(program);
registerCheck(program);
registerImport(program);

await program.parseAsync(process.argv);
