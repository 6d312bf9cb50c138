/** Lambda's platform log lines (§8.6, D49). Handler lines are formatted inside the environment. */

// §8.6: `START RequestId: <id> Version: <version>`.
export function startLine(awsRequestId: string, version: string): string {
  return `START RequestId: ${awsRequestId} Version: ${version}`;
}

export function endLine(awsRequestId: string): string {
  return `END RequestId: ${awsRequestId}`;
}

// §8.6: tab-separated; Init Duration only on a cold environment's first invocation; Status on a failed run.
export function reportLine(
  awsRequestId: string,
  durationMs: number,
  memorySizeMb: number,
  memoryUsedMb: number,
  initDurationMs: number | undefined,
  status: string | undefined,
): string {
  let line =
    `REPORT RequestId: ${awsRequestId}\tDuration: ${durationMs.toFixed(2)} ms\t` +
    `Billed Duration: ${Math.max(1, Math.ceil(durationMs))} ms\tMemory Size: ${memorySizeMb} MB\t` +
    `Max Memory Used: ${memoryUsedMb} MB`;
  if (initDurationMs !== undefined) line += `\tInit Duration: ${initDurationMs.toFixed(2)} ms`;
  if (status !== undefined) line += `\tStatus: ${status}`;
  return line;
}

// §8.6: `<time> <awsRequestId> Task timed out after 5.01 seconds` (spaces, not tabs, as Lambda prints it).
export function timeoutLine(awsRequestId: string, elapsedMs: number, now: number = Date.now()): string {
  return `${new Date(now).toISOString()} ${awsRequestId} Task timed out after ${(elapsedMs / 1000).toFixed(2)} seconds`;
}

// D25: what Lambda prints when the runtime process dies during an invocation.
export function runtimeExitLine(awsRequestId: string, reason: string, errorType: string): string {
  return `RequestId: ${awsRequestId} Error: Runtime exited with error: ${reason}\n${errorType}`;
}

// §8.1: Init that failed or ran past its limit.
export function initReportLine(initDurationMs: number, phase: 'init' | 'invoke', status: string, errorType?: string): string {
  const tail = errorType === undefined ? '' : `\tError Type: ${errorType}`;
  return `INIT_REPORT Init Duration: ${initDurationMs.toFixed(2)} ms\tPhase: ${phase}\tStatus: ${status}${tail}`;
}
