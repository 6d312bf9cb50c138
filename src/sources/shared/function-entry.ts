/** What a source knows of one Lambda function: it becomes a `functions` entry (interface.md `functions`). */
export interface LambdaCode {
  /** `/abs/module.js#export`. */
  handler: string;
  runtime?: string;
  memorySize?: number;
  timeout?: number;
}

/** The `functions` value: the bare handler when nothing else is known, else the options object. */
export function functionEntry(code: LambdaCode): unknown {
  const entry: Record<string, unknown> = { handler: code.handler };
  if (code.runtime !== undefined) entry.runtime = code.runtime;
  if (code.memorySize !== undefined) entry.memorySize = code.memorySize;
  if (code.timeout !== undefined) entry.timeout = code.timeout;
  return Object.keys(entry).length === 1 ? code.handler : entry;
}
