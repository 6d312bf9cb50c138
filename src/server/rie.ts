import type { Context } from 'hono';
import type { CfEvent } from '../event/index.js';
import { logGroupName } from '../runtime/index.js';
import type { FunctionSpec } from '../runtime/index.js';
import type { EdgeHolder } from './types.js';

/**
 * `POST /2015-03-31/functions/<name>/invocations`, as the Lambda Runtime Interface Emulator answers it: the handler's
 * raw result (no CloudFront validation), or `{ errorType, errorMessage }` with `X-Amz-Function-Error: Unhandled`.
 * `function` names the only function when the distribution has one.
 */
export async function invokeForRie(c: Context, holder: EdgeHolder): Promise<Response> {
  const functions = [...new Map([...holder.deps.distribution.functions.values()].map((fn) => [fn.name, fn])).values()];
  const name = c.req.param('name');
  const fn: FunctionSpec | undefined =
    name === 'function' && functions.length === 1 ? functions[0] : functions.find((candidate) => candidate.name === name);
  if (!fn) {
    const known = functions.map((candidate) => candidate.name).join(', ') || 'none';
    return c.json({ errorType: 'ResourceNotFoundException', errorMessage: `No function "${name}" in this distribution. Known: ${known}.` }, 404);
  }
  let event: CfEvent;
  try {
    event = JSON.parse(await c.req.text()) as CfEvent;
  } catch {
    return c.json({ errorType: 'InvalidRequestContentException', errorMessage: 'Could not parse request body into json.' }, 400);
  }
  const outcome = await holder.deps.runtime.invoke(fn, event);
  // Issue 12: an invocation's lines are printed by its caller (start-server.ts), here after it.
  const group = logGroupName(fn);
  for (const line of outcome.logs) holder.deps.options.log(`${group} ${line}`);
  if (outcome.ok) return c.body(JSON.stringify(outcome.result), 200, { 'Content-Type': 'application/json' });
  const payload = handlerError(outcome.logs) ?? { errorType: outcome.error.kind, errorMessage: outcome.error.detail ?? outcome.error.message };
  return c.json(payload, 200, { 'X-Amz-Function-Error': 'Unhandled' });
}

const INVOKE_ERROR = '\tERROR\tInvoke Error \t';

/**
 * lambda:nodejs-exceptions: an error the handler threw or passed to its callback comes back as the Node.js runtime
 * reports it, `{ errorType, errorMessage, trace }`, read from the runtime's `Invoke Error` log line (D49).
 * Undefined for failures the runtime itself detected (timeouts, crashes): those keep edge-dev's description.
 */
function handlerError(logs: readonly string[]): { errorType: string; errorMessage: string; trace: string[] } | undefined {
  for (let i = logs.length - 1; i >= 0; i--) {
    const at = logs[i]!.indexOf(INVOKE_ERROR);
    if (at === -1) continue;
    try {
      const logged = JSON.parse(logs[i]!.slice(at + INVOKE_ERROR.length)) as { errorType?: unknown; errorMessage?: unknown; stack?: unknown };
      if (typeof logged.errorType !== 'string' || typeof logged.errorMessage !== 'string') return undefined;
      const trace = Array.isArray(logged.stack) ? logged.stack.filter((line): line is string => typeof line === 'string') : [];
      return { errorType: logged.errorType, errorMessage: logged.errorMessage, trace };
    } catch {
      return undefined;
    }
  }
  return undefined;
}
