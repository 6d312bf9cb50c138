/**
 * @module edge-dev/testing — test Lambda@Edge handlers from Vitest through the same runtime and validation as serve.
 */
export { invoke, sharedRuntime, closeSharedRuntime } from './invoke.js';
export type { InvokeOptions, InvokeResult } from './invoke.js';
