import type { MatcherState } from 'vitest';
import type { EdgeErrorKind } from '../event/index.js';
import type { InvokeResult } from './invoke.js';
import {
  describeResult,
  headersOf,
  headerValues,
  isInvokeResult,
  matchesText,
  requestMismatch,
  statusOf,
  type ForwardedRequestExpectation,
} from './read-result.js';

interface MatchResult {
  pass: boolean;
  message: () => string;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function show(expected: string | RegExp | number): string {
  return expected instanceof RegExp ? String(expected) : JSON.stringify(expected);
}

/** Every matcher checks its input first: a wrong `received` is a test bug, said plainly. */
function check(received: unknown, matcher: string, test: (result: InvokeResult) => { pass: boolean; wanted: string; actual?: string }): MatchResult {
  if (!isInvokeResult(received)) {
    return { pass: false, message: () => `${matcher}: expected the result of invoke(...), got ${typeof received === 'object' ? JSON.stringify(received)?.slice(0, 200) : String(received)}` };
  }
  const { pass, wanted, actual } = test(received);
  return {
    pass,
    message: () => `expected ${pass ? 'not ' : ''}${wanted}, but got ${actual ?? describeResult(received)}`,
  };
}

function toBeAccepted(this: MatcherState, received: unknown): MatchResult {
  return check(received, 'toBeAccepted', (result) => ({ pass: result.ok, wanted: 'CloudFront to accept the result' }));
}

function toFailWith(this: MatcherState, received: unknown, kind: EdgeErrorKind, detail?: string | RegExp): MatchResult {
  return check(received, 'toFailWith', (result) => {
    const error = result.error;
    const text = error ? `${error.message} ${error.detail ?? ''}` : '';
    const detailOk = detail === undefined || (typeof detail === 'string' ? text.includes(detail) : detail.test(text));
    return {
      pass: !result.ok && error?.kind === kind && detailOk,
      wanted: `a CloudFront ${kind}${detail === undefined ? '' : ` mentioning ${show(detail)}`}`,
    };
  });
}

function toGenerateResponse(this: MatcherState, received: unknown, status?: number): MatchResult {
  return check(received, 'toGenerateResponse', (result) => ({
    pass: result.ok && result.generated !== undefined && (status === undefined || result.generated.status === status),
    wanted: `a generated ${status ?? ''} response`.replace('  ', ' '),
  }));
}

function toHaveStatus(this: MatcherState, received: unknown, status: number): MatchResult {
  return check(received, 'toHaveStatus', (result) => ({
    pass: result.ok && statusOf(result) === status,
    wanted: `status ${status}`,
  }));
}

function toHaveHeader(this: MatcherState, received: unknown, name: string, value?: string | RegExp): MatchResult {
  return check(received, 'toHaveHeader', (result) => {
    const values = headerValues(headersOf(result), name);
    const where = result.response ? 'response' : 'request';
    return {
      pass: result.ok && values.length > 0 && (value === undefined || values.some((v) => matchesText(v, value))),
      wanted: `header ${name}${value === undefined ? '' : ` = ${show(value)}`}`,
      actual: result.ok ? `${where} header ${name} ${values.length ? `= ${values.map((v) => JSON.stringify(v)).join(', ')}` : 'absent'}` : undefined,
    };
  });
}

function toRedirectTo(this: MatcherState, received: unknown, location: string | RegExp, status?: number): MatchResult {
  return check(received, 'toRedirectTo', (result) => {
    const actualStatus = statusOf(result) ?? 0;
    const actualLocation = headerValues(result.response?.headers, 'location')[0];
    const statusOk = status === undefined ? REDIRECT_STATUSES.has(actualStatus) : actualStatus === status;
    return {
      pass: result.ok && result.response !== undefined && statusOk && matchesText(actualLocation, location),
      wanted: `a ${status ?? '3xx'} redirect to ${show(location)}`,
      actual: result.ok && result.response ? `status ${actualStatus} with location ${actualLocation === undefined ? 'absent' : JSON.stringify(actualLocation)}` : undefined,
    };
  });
}

function toForwardRequest(this: MatcherState, received: unknown, expected: string | ForwardedRequestExpectation = {}): MatchResult {
  const want = typeof expected === 'string' ? { uri: expected } : expected;
  return check(received, 'toForwardRequest', (result) => {
    const mismatch = result.ok && result.request ? requestMismatch(result.request, want) : undefined;
    return {
      pass: result.ok && result.request !== undefined && mismatch === undefined,
      wanted: `the request to continue${Object.keys(want).length ? ` with ${JSON.stringify(want, (_k, v: unknown) => (v instanceof RegExp ? String(v) : v))}` : ''}`,
      actual: mismatch ? `a forwarded request whose ${mismatch}` : undefined,
    };
  });
}

function toHaveBody(this: MatcherState, received: unknown, body: string | RegExp): MatchResult {
  return check(received, 'toHaveBody', (result) => {
    const actual = result.response?.body;
    return {
      pass: result.ok && matchesText(actual, body),
      wanted: `body ${show(body)}`,
      actual: result.ok ? `body ${actual === undefined ? 'not set' : JSON.stringify(actual.length > 200 ? `${actual.slice(0, 200)}…` : actual)}` : undefined,
    };
  });
}

/**
 * Vitest matchers for `invoke` results. One line of setup: `expect.extend(cloudFrontMatchers)`.
 * Types come with `edge-dev/testing` (see the `vitest` module augmentation below).
 */
export const cloudFrontMatchers = {
  toBeAccepted,
  toFailWith,
  toGenerateResponse,
  toHaveStatus,
  toHaveHeader,
  toRedirectTo,
  toForwardRequest,
  toHaveBody,
};

/** The matchers' signatures, as they read on `expect(result)`. */
export interface CloudFrontMatchers<R = unknown> {
  /** CloudFront accepts what the handler returned (no validation or execution error). */
  toBeAccepted(): R;
  /** CloudFront rejects the result or the invocation failed with this error kind (reference §3.8). */
  toFailWith(kind: EdgeErrorKind, detail?: string | RegExp): R;
  /** A viewer-request / origin-request handler returned a response instead of the request (§1.10). */
  toGenerateResponse(status?: number): R;
  /** The generated response, or the response-event result, has this status. */
  toHaveStatus(status: number): R;
  /** The response (or, for request results, the forwarded request) has this header; any of its values may match. */
  toHaveHeader(name: string, value?: string | RegExp): R;
  /** A 301/302/303/307/308 response (or exactly `status`) whose Location matches. */
  toRedirectTo(location: string | RegExp, status?: number): R;
  /** The handler returned the request; a string checks `uri`, an object checks uri, querystring, headers, origin. */
  toForwardRequest(expected?: string | ForwardedRequestExpectation): R;
  /** The response body (generated, or set by origin-response) is, or matches, this. */
  toHaveBody(body: string | RegExp): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends CloudFrontMatchers<T> {}
}
