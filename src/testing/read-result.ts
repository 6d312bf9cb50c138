import type { CfHeaders, CfRequest } from '../event/index.js';
import type { InvokeResult } from './invoke.js';

/** Whether `value` looks like what `invoke` returns (matchers refuse anything else with a clear message). */
export function isInvokeResult(value: unknown): value is InvokeResult {
  return typeof value === 'object' && value !== null && 'ok' in value && 'eventType' in value && 'logs' in value;
}

/** One line saying what the result is, for matcher messages: the first thing a failing test should show. */
export function describeResult(result: InvokeResult): string {
  if (!result.ok) {
    const error = result.error;
    return error
      ? `a CloudFront ${error.kind} (${error.status}): ${error.detail ?? error.message}`
      : 'a failed invocation without an error record';
  }
  if (result.generated) return `a generated ${result.generated.status} response (${result.eventType})`;
  if (result.request) return `a forwarded request ${result.request.method} ${result.request.uri}${result.request.querystring ? `?${result.request.querystring}` : ''}`;
  if (result.response) return `a ${result.response.status} response (${result.eventType})`;
  return `an empty ${result.eventType} result`;
}

/** The response status as a number: the generated response's, or the response event's result. */
export function statusOf(result: InvokeResult): number | undefined {
  if (result.generated) return result.generated.status;
  return result.response ? Number(result.response.status) : undefined;
}

/** Header map the assertion reads: the response when there is one, else the forwarded request. */
export function headersOf(result: InvokeResult): CfHeaders | undefined {
  return result.response?.headers ?? result.request?.headers;
}

/** All values of one header (any case), in order; empty when absent. */
export function headerValues(headers: CfHeaders | undefined, name: string): string[] {
  const entries = headers?.[name.toLowerCase()];
  return Array.isArray(entries) ? entries.map((entry) => entry.value) : [];
}

export function matchesText(actual: string | undefined, expected: string | RegExp): boolean {
  if (actual === undefined) return false;
  return typeof expected === 'string' ? actual === expected : expected.test(actual);
}

/** What `toForwardRequest` can check; headers are compared by their first value. */
export interface ForwardedRequestExpectation {
  uri?: string | RegExp;
  querystring?: string | RegExp;
  headers?: Record<string, string | RegExp>;
  /** Partial match of `request.origin` (origin-request), e.g. `{ custom: { domainName: 'api.example.com' } }`. */
  origin?: Record<string, unknown>;
}

/** The first mismatch between the forwarded request and the expectation, or undefined when all match. */
export function requestMismatch(request: CfRequest, expected: ForwardedRequestExpectation): string | undefined {
  if (expected.uri !== undefined && !matchesText(request.uri, expected.uri)) return `uri is ${JSON.stringify(request.uri)}`;
  if (expected.querystring !== undefined && !matchesText(request.querystring, expected.querystring)) {
    return `querystring is ${JSON.stringify(request.querystring)}`;
  }
  for (const [name, value] of Object.entries(expected.headers ?? {})) {
    const actual = headerValues(request.headers, name)[0];
    if (!matchesText(actual, value)) return `header ${name} is ${actual === undefined ? 'absent' : JSON.stringify(actual)}`;
  }
  if (expected.origin !== undefined && !isSubset(request.origin, expected.origin)) {
    return `origin is ${JSON.stringify(request.origin)}`;
  }
  return undefined;
}

/** Deep partial equality: every field in `expected` is present in `actual` with an equal value. */
export function isSubset(actual: unknown, expected: unknown): boolean {
  if (expected instanceof RegExp) return typeof actual === 'string' && expected.test(actual);
  if (typeof expected !== 'object' || expected === null) return Object.is(actual, expected);
  if (typeof actual !== 'object' || actual === null) return false;
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((item, i) => isSubset(actual[i], item));
  }
  const record = actual as Record<string, unknown>;
  return Object.entries(expected).every(([key, value]) => isSubset(record[key], value));
}
