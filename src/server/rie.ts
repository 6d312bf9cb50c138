import type { Context } from 'hono';
import type { CfEvent } from '../event/index.js';
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
  if (outcome.ok) return c.body(JSON.stringify(outcome.result), 200, { 'Content-Type': 'application/json' });
  return c.json({ errorType: outcome.error.kind, errorMessage: outcome.error.detail ?? outcome.error.message }, 200, {
    'X-Amz-Function-Error': 'Unhandled',
  });
}
