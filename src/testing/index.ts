/**
 * @module edge-dev/testing — test Lambda@Edge handlers from Vitest through the same runtime and validation as serve.
 */
export { invoke, sharedRuntime, closeSharedRuntime } from './invoke.js';
export type { InvokeOptions, InvokeResult } from './invoke.js';
/** Typed CloudFront events with realistic defaults (reference Appendix A). */
export { viewerRequest, originRequest, originResponse, viewerResponse } from './events.js';
export type { EventOptions, CfEvent, CfRequestEvent, CfResponseEvent, EdgeErrorKind } from '../event/index.js';
/** Vitest matchers: `expect.extend(cloudFrontMatchers)`. */
export { cloudFrontMatchers } from './matchers.js';
export type { CloudFrontMatchers } from './matchers.js';
export type { ForwardedRequestExpectation } from './read-result.js';
/** One test per `*.event.json` + `*.expected.json` pair. */
export { runFixtures } from './run-fixtures.js';
export type { FixtureTestApi, RunFixturesOptions } from './run-fixtures.js';
/** Read one fixture event (full event or `{ eventType, ...options }` shorthand). */
export { readFixtureEvent, listFixtures } from './fixture-files.js';
export type { FixturePair } from './fixture-files.js';
/** CloudFront Functions: a `version: "1.0"` event builder and a run through the same runtime and checks as serve. */
export { invokeFunction, runFunctionFixtures } from './functions.js';
export { cloudFrontFunctionEvent } from '../functions/index.js';
export type { InvokeFunctionOptions } from './functions.js';
export type { FunctionEvent, FunctionTestResult } from '../functions/index.js';
