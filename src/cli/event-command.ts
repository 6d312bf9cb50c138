import type { Command } from 'commander';
import { buildEvent, ConfigError } from '../event/index.js';
import type { LambdaEventType } from '../event/index.js';
import { reportFatal } from './cli-errors.js';

const TYPES: readonly LambdaEventType[] = ['viewer-request', 'origin-request', 'origin-response', 'viewer-response'];

export function registerEvent(program: Command): void {
  program
    .command('event <type>')
    .description('Print a complete, valid CloudFront event: viewer-request, origin-request, origin-response or viewer-response.')
    .option('--uri <path>', 'request path', '/')
    .option('--method <method>', 'HTTP method', 'GET')
    .option('--querystring <qs>', 'query string without ?', '')
    .option('--header <header>', '"Name: value" (repeatable)', (value: string, all: string[]) => [...all, value], [] as string[])
    .option('--status <code>', 'response status for response events', '200')
    .action((type: string, flags: { uri: string; method: string; querystring: string; header: string[]; status: string }) => {
      try {
        if (!TYPES.includes(type as LambdaEventType)) {
          throw new ConfigError('command line', '<type>', `"${type}" is not an event type; use one of ${TYPES.join(', ')}`);
        }
        const headers: Record<string, string[]> = {};
        for (const line of flags.header) {
          const colon = line.indexOf(':');
          if (colon <= 0) throw new ConfigError('command line', '--header', `"${line}" is not "Name: value"`);
          const name = line.slice(0, colon).trim();
          (headers[name] ??= []).push(line.slice(colon + 1).trim());
        }
        const status = Number(flags.status);
        if (!Number.isInteger(status) || status < 100 || status > 599) {
          throw new ConfigError('command line', '--status', `"${flags.status}" is not an HTTP status code`);
        }
        const event = buildEvent(type as LambdaEventType, {
          uri: flags.uri,
          method: flags.method.toUpperCase(),
          querystring: flags.querystring.replace(/^\?/, ''),
          ...(Object.keys(headers).length ? { headers } : {}),
          status,
        });
        process.stdout.write(`${JSON.stringify(event, null, 2)}\n`);
      } catch (error) {
        reportFatal(error);
      }
    });
}

