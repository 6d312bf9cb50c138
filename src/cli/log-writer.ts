/**
 * Issue 12 (interface.md › For programs and people: `--log-format text|json`): what `serve` prints on stderr. Lines
 * are classified once, by the prefix the edge gives them: a request line, a function's log line (under its log
 * group), or an edge message (`[reload]`, `[warning] <id>`, ...). `--log-level` filters; text is coloured on a
 * terminal; json is one object per line.
 */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export type LogFormat = 'text' | 'json';

const RANK: Readonly<Record<LogLevel, number>> = { error: 0, warn: 1, info: 2, debug: 3 };
const REQUEST_LINE = /^([A-Z]+) (\S+) (\d{3}) (\S*)/;
const LOG_GROUP = /^(\/aws\/(?:lambda|cloudfront)\/\S+) (.*)$/s;
// Lambda's own lines around each invocation (§8.6): useful when debugging, noise otherwise.
const PLATFORM = /^(START|END|REPORT|INIT_START|INIT_REPORT) /;
const WARNING_TAGS = /^\[(config warning|warning|reload|not emulated|origin|body)\]/;

interface Classified {
  level: LogLevel;
  kind: 'request' | 'function' | 'edge';
  fields: Record<string, string | number>;
}

export function classify(line: string): Classified {
  const request = REQUEST_LINE.exec(line);
  if (request) return { level: 'info', kind: 'request', fields: { method: request[1]!, url: request[2]!, status: Number(request[3]), xCache: request[4]! } };
  const group = LOG_GROUP.exec(line);
  if (group) {
    const message = group[2]!;
    const level: LogLevel = group[1]!.startsWith('/aws/cloudfront/LambdaEdge/') || /\tERROR\t/.test(message) ? 'error' : PLATFORM.test(message) ? 'debug' : /\tWARN\t/.test(message) ? 'warn' : 'info';
    return { level, kind: 'function', fields: { logGroup: group[1]! } };
  }
  if (line.startsWith('[edge-dev internal error]')) return { level: 'error', kind: 'edge', fields: {} };
  return { level: WARNING_TAGS.test(line) ? 'warn' : 'info', kind: 'edge', fields: {} };
}

const paint = (code: number) => (text: string) => `\u001b[${code}m${text}\u001b[39m`;
const COLOURS = { red: paint(31), yellow: paint(33), green: paint(32), cyan: paint(36), dim: (text: string) => `\u001b[2m${text}\u001b[22m` };

function colour(line: string, classified: Classified): string {
  if (classified.kind === 'request') {
    const status = Number(classified.fields.status);
    const tint = status >= 500 ? COLOURS.red : status >= 400 ? COLOURS.yellow : status >= 300 ? COLOURS.cyan : COLOURS.green;
    return line.replace(/ (\d{3}) /, (_, code: string) => ` ${tint(code)} `);
  }
  if (classified.level === 'error') return COLOURS.red(line);
  if (classified.level === 'warn') return COLOURS.yellow(line);
  if (classified.level === 'debug') return COLOURS.dim(line);
  return line;
}

export function logWriter(options: { format: LogFormat; level: LogLevel; color: boolean; write: (text: string) => void }): (line: string, underRequest?: boolean) => void {
  const limit = RANK[options.level];
  return (line, underRequest = false) => {
    // Issue 12: a function's lines (and the request's warnings) indented under their request line.
    const indent = underRequest ? '  ' : '';
    const classified = classify(line);
    if (RANK[classified.level] > limit) return;
    if (options.format === 'json') {
      options.write(`${JSON.stringify({ time: new Date().toISOString(), level: classified.level, kind: classified.kind, ...classified.fields, message: line })}\n`);
    } else {
      options.write(`${indent}${options.color ? colour(line, classified) : line}\n`);
    }
  };
}

/** Request lines are worth formatting only when they will be printed. */
export function logsRequests(level: LogLevel): boolean {
  return RANK[level] >= RANK.info;
}
