import type { Command } from 'commander';

/** `edge-dev serve` flags as commander parses them (interface.md "Commands"). */
export interface ServeFlags {
  config: string;
  from?: string;
  parameter: string[];
  var: string[];
  host: string;
  port: string;
  controlPort?: string;
  controlHost: string;
  cache: boolean;
  viewerProtocol?: string;
  pop: string;
  cacheMaxBytes?: string;
  watch: boolean;
  inspector: boolean;
  quiet?: boolean;
  logLevel: string;
  logFormat: string;
  allowedHost: string[];
  httpsPort?: string;
  cert?: string;
  key?: string;
  accessLog?: string;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Run the local CloudFront edge: behaviors, Lambda@Edge triggers, cache, origins, control API.')
    .option('--config <file>', 'config file', 'edge-dev.config.json')
    .option('--from <path>', 'serve the distribution of infrastructure code (template, cdk.out, Terraform, serverless.yml) without a config file')
    .option('--parameter <key=value>', 'with --from: a CloudFormation parameter (repeatable)', collect, [])
    .option('--var <key=value>', 'with --from: a Terraform variable or serverless option (repeatable)', collect, [])
    .option('--host <host>', 'address to bind the edge to', '127.0.0.1')
    .option('--port <port>', 'edge port (0 picks a free port)', '3000')
    .option('--control-port <port>', 'control API port (default: edge port + 1)')
    .option('--control-host <host>', 'address to bind the control API to (loopback unless asked)', '127.0.0.1')
    .option('--no-cache', 'turn the CloudFront cache off')
    .option('--viewer-protocol <protocol>', 'how plain-HTTP requests count for ViewerProtocolPolicy: https or http (D43; default: settings.viewerProtocol, else https)')
    .option('--pop <code>', 'the X-Amz-Cf-Pop value', 'LOC50-C1')
    .option('--cache-max-bytes <bytes>', 'byte budget of the cache (default: settings.cacheMaxBytes, else 256 MiB)')
    .option('--no-watch', 'do not reload on config or handler changes')
    .option('--no-inspector', 'do not record requests for the inspector (the control API\'s page at /)')
    .option('--quiet', 'no per-request log lines')
    .option('--log-level <level>', 'error, warn, info (default: requests, handlers\' own lines, warnings) or debug (also Lambda\'s START/END/REPORT)', 'info')
    .option('--log-format <format>', 'text (default; coloured on a terminal) or json (one object per line)', 'text')
    .option('--allowed-host <name>', 'also answer this Host (a name or *.wildcard; repeatable): beside the domain name, Aliases and loopback', collect, [])
    .option('--https-port <port>', 'also listen with TLS (HTTP/1.1 and HTTP/2) on this port; a kept self-signed certificate unless --cert/--key')
    .option('--cert <file>', 'PEM certificate for --https-port')
    .option('--key <file>', 'PEM private key for --https-port')
    .option('--access-log <file>', "append CloudFront's standard access log (one tab-separated line per request) to this file")
    // The server and its parts load only for this command.
    .action(async (flags: ServeFlags) => (await import('./run-serve.js')).runServe(flags));
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
