/**
 * The CloudFront Functions vocabulary (reference §9; dg:functions-event-structure): the event a function gets, what
 * it may return, and the compiled function the config hands to the runtime.
 */
import type { ViewerEventType } from '../event/types.js';

export type FunctionRuntimeName = 'cloudfront-js-1.0' | 'cloudfront-js-2.0';
export const FUNCTION_RUNTIMES: readonly FunctionRuntimeName[] = ['cloudfront-js-1.0', 'cloudfront-js-2.0'];

/** dg:functions-event-structure: one query string, header or cookie; `multiValue` only for repeated names. */
export interface FunctionValue {
  value: string;
  multiValue?: { value: string }[];
}

/** A response cookie (`Set-Cookie`): attributes kept apart from the value. */
export interface FunctionCookie {
  value: string;
  attributes?: string;
  multiValue?: { value: string; attributes?: string }[];
}

export type FunctionValueMap = Record<string, FunctionValue>;

export interface FunctionRequest {
  method: string;
  uri: string;
  querystring: FunctionValueMap;
  headers: FunctionValueMap;
  cookies: FunctionValueMap;
}

/** dg:functions-event-structure "Response object": body `{ encoding, data }` or a plain string (text). */
export type FunctionBody = string | { encoding: 'text' | 'base64'; data: string };

export interface FunctionResponse {
  statusCode: number;
  statusDescription?: string;
  headers: FunctionValueMap;
  cookies: Record<string, FunctionCookie>;
  body?: FunctionBody;
}

export interface FunctionContext {
  distributionDomainName: string;
  distributionId: string;
  eventType: ViewerEventType;
  requestId: string;
}

/** The event object, `version: "1.0"` for both runtimes. */
export interface FunctionEvent {
  version: '1.0';
  context: FunctionContext;
  viewer: { ip: string };
  request: FunctionRequest;
  response?: FunctionResponse;
}

/** A key value store loaded from CloudFront's import format `{ "data": [{ "key", "value" }] }`. */
export interface KeyValueStoreData {
  /** The file it came from (the local stand-in for the store's ARN). */
  file: string;
  entries: ReadonlyMap<string, string>;
  /** Total bytes of keys and values (dg:cloudfront-limits: a store holds up to 5 MB). */
  bytes: number;
  /** What `meta()` reports as creation and last update (the file's modification time). */
  modified: Date;
}

/** One CloudFront Function as the config compiled it: checked code, runtime and store. */
export interface CloudFrontFunctionSpec {
  name: string;
  /** `arn:aws:cloudfront::ACCOUNT:function/NAME`. */
  arn: string;
  runtime: FunctionRuntimeName;
  codePath: string;
  code: string;
  keyValueStore?: KeyValueStoreData;
}

/**
 * dg:helper-functions-origin-modification "updateRequestOrigin()": the origin settings a viewer-request function changes;
 * what it leaves out keeps the assigned origin's value. Checked when the helper is called (origin-helper-arguments.ts).
 */
export interface OriginUpdate {
  domainName?: string;
  hostHeader?: string;
  originPath?: string;
  /** Lower-case name to value; `{}` clears the assigned origin's custom headers. */
  customHeaders?: Readonly<Record<string, string>>;
  connectionAttempts?: number;
  timeouts?: { readTimeout?: number; keepAliveTimeout?: number; connectionTimeout?: number; responseCompletionTimeout?: number };
  customOriginConfig?: { port: number; protocol: 'http' | 'https'; sslProtocols: readonly string[]; ipAddressType?: string };
  originAccessControlConfig?: { enabled: boolean; signingBehavior?: string; signingProtocol?: string; originType?: string };
}

/** One call of an origin helper, its argument checked (dg:helper-functions-origin-modification). */
export type OriginChange =
  | { helper: 'updateRequestOrigin'; update: OriginUpdate }
  | { helper: 'selectRequestOriginById'; originId: string }
  | { helper: 'createRequestOriginGroup'; originIds: readonly [string, string]; failoverStatusCodes: readonly number[] };

/** What one run gave: the returned object (after the JSON round trip) or CloudFront's error, and the run's facts. */
export interface FunctionRunOutcome {
  ok: boolean;
  /** The object the function returned, as CloudFront reads it (a plain JSON value). */
  result?: unknown;
  error?: { kind: 'FunctionExecutionError' | 'FunctionThrottledError'; message: string };
  /** console.log lines, truncated as CloudFront truncates them (dg:cloudfront-function-restrictions). */
  logs: string[];
  /** TestFunction's ComputeUtilization: run time as a percentage of the compute budget (0–100, rounded). */
  computeUtilization: number;
  durationMs: number;
}
