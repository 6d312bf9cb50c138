import type { EdgeErrorRecord } from '../event/index.js';
import { endLine, reportLine } from './log-format.js';
import type { FunctionSpec, InvokeOutcome, LogLine } from './types.js';

/** Where a function's log lines go as they happen (RuntimeOptions.onLog). */
export interface LogSink {
  /** `inInvocation`: the line is part of an invocation's log, which its outcome carries too. */
  emit(line: LogLine, inInvocation: boolean): void;
}

/** Adds one line to an invocation's log and passes it on at once (§8.6). */
export function appendLog(logs: LogLine[] | null, sink: LogSink, line: LogLine): void {
  if (logs !== null) logs.push(line);
  sink.emit(line, logs !== null);
}

/** Closes an invocation: END and REPORT (§8.6), then the outcome. */
export function settleOutcome(
  spec: FunctionSpec,
  sink: LogSink,
  logs: LogLine[],
  awsRequestId: string,
  durationMs: number,
  memoryUsedMb: number,
  initDurationMs: number | undefined,
  error: EdgeErrorRecord | undefined,
  result: unknown,
  status?: string,
): InvokeOutcome {
  appendLog(logs, sink, endLine(awsRequestId));
  appendLog(logs, sink, reportLine(awsRequestId, durationMs, spec.memorySize, memoryUsedMb, initDurationMs, status));
  if (error === undefined) {
    return initDurationMs === undefined
      ? { ok: true, result, logs, durationMs, awsRequestId }
      : { ok: true, result, logs, durationMs, initDurationMs, awsRequestId };
  }
  return initDurationMs === undefined
    ? { ok: false, error, logs, durationMs, awsRequestId }
    : { ok: false, error, logs, durationMs, initDurationMs, awsRequestId };
}

/** `name:version (file#export)`, how error details name a function. */
export function functionLabel(spec: FunctionSpec): string {
  return `${spec.name}:${spec.version} (${spec.modulePath}#${spec.exportName})`;
}
