import { createWriteStream, mkdirSync, statSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ACCESS_LOG_HEADER } from '../edge/index.js';
import type { AccessLogSink } from '../edge/index.js';

type Json = Record<string, unknown>;

/**
 * Issue 11: appends standard log lines through a write stream, so a request never waits on the disk. A file starts
 * with the `#Version`/`#Fields` lines when it is new or empty. With a per-day path (`Logging` without `--access-log`),
 * the first line of a new UTC day opens that day's file.
 */
export class AccessLogWriter implements AccessLogSink {
  private stream: WriteStream | undefined;
  private day = '';
  private failed = false;

  constructor(
    private readonly pathFor: (day: string) => string,
    readonly includeCookies: boolean,
    private readonly log: (line: string) => void,
  ) {}

  write(line: string): void {
    // Every line starts with its date (YYYY-MM-DD).
    const day = line.slice(0, 10);
    if (this.stream === undefined || day !== this.day) {
      // A new day opens a new file only when the path depends on the day (`Logging`), not with `--access-log FILE`.
      if (this.stream === undefined || this.pathFor(day) !== this.stream.path) this.open(day);
      else this.day = day;
    }
    this.stream!.write(`${line}\n`);
  }

  /** Opens today's file at start-up, so a bad path is reported then and the request path never creates files. */
  start(now = Date.now()): string {
    this.open(new Date(now).toISOString().slice(0, 10));
    return this.stream!.path as string;
  }

  /** Flushes and closes the current file. */
  close(): Promise<void> {
    const stream = this.stream;
    this.stream = undefined;
    if (stream === undefined) return Promise.resolve();
    return new Promise((done) => stream.end(() => done()));
  }

  private open(day: string): void {
    this.stream?.end();
    this.day = day;
    const file = this.pathFor(day);
    mkdirSync(dirname(file), { recursive: true });
    let size = 0;
    try {
      size = statSync(file).size;
    } catch {
      // A new file.
    }
    const stream = createWriteStream(file, { flags: 'a' });
    stream.on('error', (error) => {
      if (!this.failed) this.log(`[access log] ${file}: ${error.message}; lines are dropped`);
      this.failed = true;
    });
    if (size === 0) stream.write(ACCESS_LOG_HEADER);
    this.stream = stream;
  }
}

/**
 * Issue 11: the access log `serve` writes, if any: `--access-log FILE`, else with `Logging.Enabled` one file per UTC
 * day, `<config dir>/.edge-dev/access-logs/<DistributionId>.<YYYY-MM-DD>.log` (CloudFront's S3 object names are
 * `<prefix><DistributionId>.<YYYY-MM-DD-HH>.<unique>.gz`; locally one plain file a day is easier to tail).
 */
export function accessLogFor(
  raw: Json,
  distributionId: string,
  configFile: string,
  file: string | undefined,
  log: (line: string) => void,
): AccessLogWriter | undefined {
  const logging = raw.Logging as Json | undefined;
  const includeCookies = logging?.IncludeCookies === true;
  if (file !== undefined) {
    const path = resolve(file);
    return new AccessLogWriter(() => path, includeCookies, log);
  }
  if (logging?.Enabled !== true) return undefined;
  const dir = join(dirname(resolve(configFile)), '.edge-dev', 'access-logs');
  return new AccessLogWriter((day) => join(dir, `${distributionId}.${day}.log`), includeCookies, log);
}
