import type { RequestState } from './types.js';

/** Issue 12: a line about this request, printed under its request line (or at once when none will come). */
export function logForRequest(state: RequestState, line: string): void {
  if (state.logLines === undefined) state.deps.options.log(line);
  else state.logLines.push(line);
}

/** Prints the request line (when request lines are logged) and then the lines collected under it. */
export function printRequestLines(state: RequestState, requestLine: string | undefined): void {
  const { log } = state.deps.options;
  const lines = state.logLines ?? [];
  state.logLines = undefined;
  if (requestLine !== undefined) log(requestLine);
  for (const line of lines) log(line, requestLine !== undefined);
}

/**
 * One readable line per request: `GET /a.png 200 Miss  VReq 0.3ms → ORq 0.2ms → origin 12ms → ORs 0.2ms  ttfb 13ms
 * 5,120 B` (the time to first byte and the body bytes sent, once the body is out).
 */
export function formatTrace(state: RequestState, status: number, firstByteMs?: number, bytes?: number): string {
  const { viewer, trace } = state;
  const token = trace.xCache.replace(' from cloudfront', '');
  const route = trace.stages.length ? `  ${trace.stages.join(' → ')}` : '';
  const sent = firstByteMs === undefined ? '' : `  ttfb ${firstByteMs.toFixed(1)}ms ${(bytes ?? 0).toLocaleString('en-US')} B`;
  return `${viewer.method} ${viewer.url} ${status} ${token}${route}${sent}`;
}

/**
 * Why a streamed body ended early: the origin failed mid-body (the viewer's connection is then closed, as the status
 * was already sent), or the viewer went away (the origin read is stopped).
 */
export function describeBodyError(error: Error): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_STREAM_PREMATURE_CLOSE') return 'the viewer went away; the origin read was stopped';
  return `the origin failed mid-body (${typeof code === 'string' ? code : error.name}: ${error.message}); the viewer's connection was closed`;
}
