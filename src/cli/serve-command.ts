import type { Command } from 'commander';
import { startServer } from '../server/index.js';
import { reportFatal, parsePort, positiveInteger } from './cli-errors.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Run the local CloudFront edge: behaviors, Lambda@Edge triggers, cache, origins, control API.')
    .option('--config <file>', 'config file', 'edge-dev.config.json')
    .option('--host <host>', 'address to bind the edge to', '127.0.0.1')
    .option('--port <port>', 'edge port (0 picks a free port)', '3000')
    .option('--control-port <port>', 'control API port (default: edge port + 1)')
    .option('--control-host <host>', 'address to bind the control API to (loopback unless asked)', '127.0.0.1')
    .option('--no-cache', 'turn the CloudFront cache off')
    .option('--viewer-protocol <protocol>', 'how plain-HTTP requests count for ViewerProtocolPolicy: https or http (D43; default: settings.viewerProtocol, else https)')
    .option('--pop <code>', 'the X-Amz-Cf-Pop value', 'LOC50-C1')
    .option('--cache-max-bytes <bytes>', 'byte budget of the cache (default: settings.cacheMaxBytes, else 256 MiB)')
    .option('--no-watch', 'do not reload on config or handler changes')
    .option('--quiet', 'no per-request log lines')
    .action(async (flags) => {
      const log = flags.quiet ? () => {} : (line: string) => process.stderr.write(`${line}\n`);
      if (!LOOPBACK.has(flags.host)) {
        process.stderr.write(
          `\n  WARNING: --host ${flags.host} exposes edge-dev, and every handler it runs, beyond this machine.\n` +
            `  edge-dev is a development tool: bind 127.0.0.1 unless you mean it.\n\n`,
        );
      }
      if (flags.viewerProtocol !== undefined && flags.viewerProtocol !== 'https' && flags.viewerProtocol !== 'http') {
        reportFatal(`--viewer-protocol: expected "https" or "http", got "${flags.viewerProtocol}"`);
        return;
      }
      try {
        const port = parsePort('--port', flags.port);
        const server = await startServer({
          configFile: flags.config,
          host: flags.host,
          port,
          controlPort: flags.controlPort === undefined ? undefined : parsePort('--control-port', flags.controlPort),
          controlHost: flags.controlHost,
          cacheEnabled: flags.cache,
          viewerProtocol: flags.viewerProtocol,
          pop: flags.pop,
          cacheMaxBytes: flags.cacheMaxBytes === undefined ? undefined : positiveInteger('--cache-max-bytes', flags.cacheMaxBytes),
          watch: flags.watch,
          log,
          logRequests: !flags.quiet,
        });
        let stopping = false;
        const stop = (signal: string) => {
          // A second signal exits at once.
          if (stopping) process.exit(130);
          stopping = true;
          log(`[${signal}] draining in-flight requests, shutting execution environments down`);
          server.close().then(
            () => process.exit(0),
            () => process.exit(1),
          );
        };
        process.on('SIGINT', () => stop('SIGINT'));
        process.on('SIGTERM', () => stop('SIGTERM'));
        // Only now: whoever waits for these lines may signal at once, and the handlers must already be there.
        process.stdout.write(`edge listening on ${server.edgeUrl}\n`);
        process.stdout.write(`control API listening on ${server.controlUrl}\n`);
      } catch (error) {
        reportFatal(error);
      }
    });
}
