/**
 * @module runtime — emulated Lambda execution environments in worker threads (reference §8).
 */
export type { FunctionSpec, InvokeOutcome, LogLine, RuntimeOptions } from './types.js';
export { LambdaRuntime } from './lambda-runtime.js';
export { functionSpecForModule } from './function-spec.js';
