import { buildEvent, ConfigError } from '../event/index.js';
import type { LambdaEventType } from '../event/index.js';
import { reportFatal } from './cli-errors.js';
import type { EventFlags } from './event-command.js';

const TYPES: readonly LambdaEventType[] = ['viewer-request', 'origin-request', 'origin-response', 'viewer-response'];

/** `edge-dev event`: prints a complete, valid CloudFront event of the given type. */
export function runEvent(type: string, flags: EventFlags): void {
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
}
