import { buildEvent, ConfigError } from '../event/index.js';
import type { LambdaEventType } from '../event/index.js';
import { cloudFrontFunctionEvent } from '../functions/index.js';
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
    const options = {
      uri: flags.uri,
      method: flags.method.toUpperCase(),
      querystring: flags.querystring.replace(/^\?/, ''),
      ...(Object.keys(headers).length ? { headers } : {}),
      status,
    };
    if (flags.cloudfrontFunctions && type !== 'viewer-request' && type !== 'viewer-response') {
      throw new ConfigError('command line', '--cloudfront-functions', `CloudFront Functions run on viewer-request and viewer-response only, not ${type}`);
    }
    // §9: --cloudfront-functions prints the same request and response as a CloudFront Functions event.
    const event = flags.cloudfrontFunctions ? cloudFrontFunctionEvent(type as 'viewer-request' | 'viewer-response', options) : buildEvent(type as LambdaEventType, options);
    process.stdout.write(`${JSON.stringify(event, null, 2)}\n`);
  } catch (error) {
    reportFatal(error);
  }
}

