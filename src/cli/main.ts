/**
 * The `edge-dev` command line (interface.md "Commands"). Each command lives in its own module and registers itself.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerServe } from './serve-command.js';
import { registerInvoke } from './invoke-command.js';
import { registerEvent } from './event-command.js';
import { registerInit } from './init-command.js';
import { registerCheck } from './check-command.js';
import { registerImport } from './import-command.js';

// dist/cli/ and dist/bundle/ both sit two levels below the package root.
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command('edge-dev')
  .description('A local, exact testbed for Amazon CloudFront with Lambda@Edge.')
  .version(version, '-V, --version', 'print the version')
  .showHelpAfterError();

registerServe(program);
registerInvoke(program);
registerEvent(program);
registerInit(program);
registerCheck(program);
registerImport(program);

await program.parseAsync(process.argv);
