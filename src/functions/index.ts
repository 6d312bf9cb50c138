/**
 * @module functions — CloudFront Functions (reference §9): the cloudfront-js-1.0 and 2.0 runtimes in node:vm, key value
 * stores, the event model and the validation of what a function returns.
 */
export type * from './types.js';
export { FUNCTION_RUNTIMES } from './types.js';
/** Load-time checks of a function's code, as publishing it would do (syntax per runtime, restricted features). */
export { prepareSource, FunctionCodeError } from './prepare-source.js';
/** The warm instance of a function; the compute budget behind ComputeUtilization. */
export { loadFunction, COMPUTE_BUDGET_MS, THROTTLE_AFTER_MS, LOG_LIMIT_BYTES } from './function-instance.js';
/** Key value stores from CloudFront's import file format, with its limits. */
export { readKeyValueStore, KeyValueStoreError } from './key-value-store.js';
/** The event a function gets (dg:functions-event-structure), from the internal request and response. */
export { functionEvent, functionRequestOf, functionResponseOf } from './to-function-event.js';
/** A whole event from the Lambda@Edge builder's friendly options (`edge-dev event --cloudfront-functions`, testing). */
export { cloudFrontFunctionEvent } from './build-function-event.js';
/** One run at viewer-request or viewer-response for the edge, or on a whole event as TestFunction does. */
export { runViewerRequestFunction, runViewerResponseFunction, testFunction, factsOf } from './run-cloudfront-function.js';
export type { FunctionCall, FunctionRunFacts, ViewerRequestOutcome, FunctionTestResult } from './run-cloudfront-function.js';
export type { EdgeLocation } from './run-state.js';
/** §3.8: a result CloudFront cannot use, as a 502 FunctionValidationError naming function, field and rule. */
export { functionValidationError } from './function-errors.js';
export type { FunctionSite } from './function-errors.js';
