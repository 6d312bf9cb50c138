import type { Command } from 'commander';

/** `edge-dev invoke` flags (interface.md "Commands"). */
export interface InvokeFlags {
  event: string;
  config?: string;
  /** CloudFront Functions: the runtime of a function given by path (interface.md › CloudFront Functions). */
  runtime?: string;
  /** CloudFront Functions: a key value store file for a function given by path. */
  kvs?: string;
  /** interface.md › CloudFront Functions: the trigger of a Lambda@Edge event whose `config.eventType` is missing. */
  eventType?: string;
}

export function registerInvoke(program: Command): void {
  program
    .command('invoke <function>')
    .description('Run one handler with an event through the same execution environment and validation as serve.')
    .requiredOption('--event <file>', 'event JSON file, or - for stdin')
    .option('--config <file>', 'config file (to name functions as in `functions`)')
    .option('--runtime <runtime>', 'CloudFront Function given by path: cloudfront-js-1.0 or cloudfront-js-2.0 (default)')
    .option('--kvs <file>', 'CloudFront Function given by path: key value store file { "data": [{ "key", "value" }] }')
    .option('--event-type <type>', 'the trigger of an event without config.eventType: viewer-request, origin-request, origin-response or viewer-response')
    // The runtime, the validator and the config loader load only for this command.
    .action(async (name: string, flags: InvokeFlags) => (await import('./run-invoke.js')).runInvoke(name, flags));
}
