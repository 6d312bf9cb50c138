/**
 * The emulated Lambda execution environment's contract (reference §8).
 */
import type { EdgeErrorRecord } from '../event/errors.js';

/** One function version, as the runtime needs it. Built by `config/` or by `testing/`/`cli/` for a bare module. */
export interface FunctionSpec {
  /** The Lambda function name (no `us-east-1.` prefix), e.g. `auth-viewer`. */
  name: string;
  /** The version number as a string (`"3"`), or `"$LATEST"` for a bare module. */
  version: string;
  /** The association's ARN, or a made-up versioned ARN for a bare module (§8.3 invokedFunctionArn). */
  arn: string;
  /** Absolute path of the handler module (`.js`, `.mjs`, `.cjs`, `.ts`, or `.py` for a Python runtime). */
  modulePath: string;
  /** Export name, default `handler`. */
  exportName: string;
  /** e.g. `nodejs20.x`, `python3.12`. */
  runtime: string;
  /** Megabytes, as Lambda counts them (default 128). */
  memorySize: number;
  /** Seconds (defaults: viewer 5, origin 30 — §4, D28). */
  timeout: number;
  /**
   * Opt-in throttle (D23): at most this many concurrent invocations; one more fails as LambdaLimitExceeded (503).
   * Without it, invocations beyond RuntimeOptions.maxEnvironmentsPerFunction wait for a free environment.
   */
  concurrency?: number;
  /** AWS credentials and Region given for this function only (D46). */
  environment?: Readonly<Record<string, string>>;
  region: string;
}

/** One Lambda-format log line (§8.6), already formatted. */
export type LogLine = string;

export type InvokeOutcome =
  | {
      ok: true;
      /** The handler's result after the JSON round trip (§8.4, D48): plain JSON data, or null. */
      result: unknown;
      logs: LogLine[];
      durationMs: number;
      /** Only on the first invocation of a cold environment. */
      initDurationMs?: number;
      awsRequestId: string;
    }
  | {
      ok: false;
      error: EdgeErrorRecord;
      logs: LogLine[];
      durationMs: number;
      initDurationMs?: number;
      awsRequestId: string;
    };

export interface RuntimeOptions {
  /** Cap on live environments per function version when no `concurrency` is set; extra invocations queue. Default 16. */
  maxEnvironmentsPerFunction?: number;
  /** Retire environments idle this long (ms). Default 60 000. */
  idleTimeoutMs?: number;
  /** §8.1 Init limit in ms (default 10 000, Lambda's); a timed-out Init is retried under the function timeout. */
  initTimeoutMs?: number;
  /**
   * Cold starts take a process started ahead of need for the function, which loads its code at Init, and start the
   * next one (one spare per function in use, shared by the server process). Default true; false starts each
   * environment's process at its cold start.
   */
  spareProcesses?: boolean;
  /**
   * Where Lambda-format log lines go as they happen (default: nowhere). `inInvocation`: the line belongs to an
   * invocation, whose outcome carries it too; otherwise it came between invocations (a handler's timer, Shutdown).
   */
  onLog?: (fn: FunctionSpec, line: LogLine, inInvocation: boolean) => void;
}
