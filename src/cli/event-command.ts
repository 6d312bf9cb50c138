import type { Command } from 'commander';

/** `edge-dev event` flags (interface.md "Commands"). */
export interface EventFlags {
  uri: string;
  method: string;
  querystring: string;
  header: string[];
  status: string;
  /** Print a CloudFront Functions event (`version: "1.0"`) instead (viewer events only). */
  cloudfrontFunctions?: boolean;
}

export function registerEvent(program: Command): void {
  program
    .command('event <type>')
    .description('Print a complete, valid CloudFront event: viewer-request, origin-request, origin-response or viewer-response.')
    .option('--uri <path>', 'request path', '/')
    .option('--method <method>', 'HTTP method', 'GET')
    .option('--querystring <qs>', 'query string without ?', '')
    .option('--header <header>', '"Name: value" (repeatable)', (value: string, all: string[]) => [...all, value], [] as string[])
    .option('--status <code>', 'response status for response events', '200')
    .option('--cloudfront-functions', 'print a CloudFront Functions event (viewer-request or viewer-response)')
    // The event builder loads only for this command.
    .action(async (type: string, flags: EventFlags) => (await import('./run-event.js')).runEvent(type, flags));
}
