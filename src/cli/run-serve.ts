import { hostPattern, loadConfig } from '../config/index.js';
import type { LoadedConfig } from '../config/index.js';
import { prestartEnvironments } from '../runtime/index.js';
import { fromConfigFile } from './from-config-file.js';
import { reportFatal, parsePort, positiveInteger } from './cli-errors.js';
import type { ServeFlags } from './serve-command.js';
import { logsRequests, logWriter } from './log-writer.js';
import type { LogLevel } from './log-writer.js';

const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** `edge-dev serve`: starts the edge and the control API, prints where they listen, stops on SIGINT/SIGTERM. */
export async function runServe(flags: ServeFlags): Promise<void> {
  if (!LOG_LEVELS.includes(flags.logLevel as LogLevel) || (flags.logFormat !== 'text' && flags.logFormat !== 'json')) {
    reportFatal(`--log-level takes ${LOG_LEVELS.join(', ')} and --log-format takes text or json; got ${flags.logLevel} and ${flags.logFormat}`);
    return;
  }
  const level = flags.logLevel as LogLevel;
  const color = flags.logFormat === 'text' && process.stderr.isTTY === true && process.env.NO_COLOR === undefined;
  const log = flags.quiet ? () => {} : logWriter({ format: flags.logFormat, level, color, write: (text) => process.stderr.write(text) });
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
    const controlPort = flags.controlPort === undefined ? undefined : parsePort('--control-port', flags.controlPort);
    const cacheMaxBytes = flags.cacheMaxBytes === undefined ? undefined : positiveInteger('--cache-max-bytes', flags.cacheMaxBytes);
    const badHost = flags.allowedHost.find((name) => hostPattern(name) === undefined);
    if (badHost !== undefined) {
      reportFatal(`--allowed-host: "${badHost}" is not a host name; give a name like dev.example.test or *.example.test (no scheme, no port)`);
      return;
    }
    if ((flags.cert === undefined) !== (flags.key === undefined)) {
      reportFatal('--cert and --key go together: give both PEM files, or neither for a self-signed certificate');
      return;
    }
    const httpsPort = flags.httpsPort === undefined ? undefined : parsePort('--https-port', flags.httpsPort);
    const configFile = flags.from === undefined ? flags.config : fromConfigFile({ from: flags.from, parameter: flags.parameter, var: flags.var });
    const preloaded = await prestartFor(configFile);
    const { startServer } = await import('../server/index.js');
    const running = await startServer({
      configFile,
      ...(preloaded === undefined ? {} : { preloaded }),
      host: flags.host,
      port,
      controlPort,
      controlHost: flags.controlHost,
      cacheEnabled: flags.cache,
      viewerProtocol: flags.viewerProtocol,
      pop: flags.pop,
      cacheMaxBytes,
      watch: flags.watch,
      inspector: flags.inspector,
      log,
      logRequests: !flags.quiet && logsRequests(level),
      allowedHosts: flags.allowedHost,
      ...(flags.accessLog === undefined ? {} : { accessLog: flags.accessLog }),
      ...(httpsPort === undefined ? {} : { https: { port: httpsPort, certFile: flags.cert, keyFile: flags.key } }),
    });
    let stopping = false;
    const stop = (signal: string) => {
      // A second signal exits at once.
      if (stopping) process.exit(130);
      stopping = true;
      log(`[${signal}] draining in-flight requests, shutting execution environments down`);
      running.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
    // Only now: whoever waits for these lines may signal at once, and the handlers must already be there.
    process.stdout.write(`edge listening on ${running.edgeUrl}\n`);
    if (running.httpsUrl) process.stdout.write(`edge listening on ${running.httpsUrl}${running.certFile ? ` (self-signed certificate: ${running.certFile})` : ''}\n`);
    process.stdout.write(`control API listening on ${running.controlUrl}\n`);
  } catch (error) {
    reportFatal(error);
  }
}

/**
 * Processes for the first cold starts boot while the server's modules load (they take most of the start-up), so
 * the first requests do not wait for them. Init still happens at each function's first invocation (§8.1). The
 * loaded config goes on to the server; one that does not load starts nothing, and startServer reports it.
 */
async function prestartFor(configFile: string): Promise<LoadedConfig | undefined> {
  try {
    const loaded = await loadConfig(configFile);
    prestartEnvironments(loaded.distribution.functions.values());
    return loaded;
  } catch {
    // startServer loads the same file and reports the error with its file and field.
    return undefined;
  }
}
