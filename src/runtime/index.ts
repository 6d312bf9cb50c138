/**
 * @module runtime — emulated Lambda execution environments, one process each (reference §8).
 */
export type { FunctionSpec, InvokeOutcome, LogLine, RuntimeOptions } from './types.js';
export { LambdaRuntime } from './lambda-runtime.js';
/** A FunctionSpec for a bare module path; the Lambda runtime a handler file runs on by default (.py: Python). */
export { defaultRuntime, functionSpecForModule } from './function-spec.js';
/** Start processes for the functions' first cold starts ahead of need (serve, before the first request). */
export { prestartEnvironments } from './prestart-environments.js';
/** End the processes started ahead of need and start none from now on (one-shot commands). */
export { discardSpareProcesses as discardSpareEnvironments } from './spare-processes.js';
/** §8.2: a function's log group, `/aws/lambda/us-east-1.<name>` (D47). */
export { logGroupName } from './lambda-env.js';
