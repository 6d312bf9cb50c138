import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { buildEvent } from './build-event.js';
import { CLOUDFRONT_TEXT, EdgeError } from './errors.js';
import { isHeaderName } from './header-syntax.js';
import type { CfHeaders, CfRequest, CfRequestEvent, CfResponse, CfResponseEvent } from './types.js';
import { applyRequestResult, applyResponseResult } from './validate-result.js';

const TEXTS = new Set<string>(Object.values(CLOUDFRONT_TEXT));
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const requestEvents = ['viewer-request', 'origin-request'] as const;
const responseEvents = ['origin-response', 'viewer-response'] as const;
const beforeRequest = {
  'viewer-request': (buildEvent('viewer-request', { body: 'abc', headers: { 'Content-Length': '3' } }) as CfRequestEvent).Records[0].cf.request,
  'origin-request': (buildEvent('origin-request', { body: 'abc' }) as CfRequestEvent).Records[0].cf.request,
};
const beforeResponse = {
  'origin-response': (buildEvent('origin-response', { responseHeaders: { 'Transfer-Encoding': 'chunked' } }) as CfResponseEvent).Records[0].cf,
  'viewer-response': (buildEvent('viewer-response') as CfResponseEvent).Records[0].cf,
};

// Odd values: wrong types, huge strings, deep objects, almost-valid strings.
const huge = fc.constantFrom('x'.repeat(70_000), 'A'.repeat(1_500_000), 'é'.repeat(30_000));
const deep = fc.letrec((tie) => ({ node: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.array(tie('node'), { maxLength: 2 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 2 })) })).node;
const oddString = fc.oneof(
  fc.string(),
  fc.constantFrom('', '/', '/a b', 'a=1#x', '200', '204', '599', '600', 'AAAA', 'AA=A', 'not base64!', 'text', 'base64', 'replace', 'read-only', '__proto__'),
);
const odd = fc.oneof(fc.jsonValue({ maxDepth: 3 }), oddString, huge, deep, fc.integer({ min: -1000, max: 1000 }));
const headerName = fc.oneof(
  fc.constantFrom('host', 'via', 'transfer-encoding', 'content-length', 'x-forwarded-proto', 'X-Amz-Cf-Id', 'cloudfront-viewer-country', '__proto__', 'constructor', 'Set-Cookie', 'bad name', '', 'accept-encoding', 'warning'),
  fc.string({ maxLength: 12 }),
);
const entry = fc.oneof(
  fc.record({ key: fc.option(fc.oneof(headerName, odd), { nil: undefined }), value: fc.oneof(fc.string(), odd) }, { requiredKeys: ['value'] }),
  odd,
);
const headerMap = fc.oneof(fc.dictionary(headerName, fc.oneof(fc.array(entry, { maxLength: 3 }), odd), { maxKeys: 6 }), odd);
const origin = fc.oneof(
  fc.record({ custom: fc.record({ customHeaders: headerMap, domainName: fc.oneof(fc.domain(), odd), keepaliveTimeout: odd, path: odd, port: fc.oneof(fc.constantFrom(80, 443, 8080), odd), protocol: fc.oneof(fc.constantFrom('http', 'https'), odd), readTimeout: fc.oneof(fc.integer({ min: 0, max: 130 }), odd), sslProtocols: fc.oneof(fc.constant(['TLSv1.2']), odd) }, { requiredKeys: [] }) }),
  fc.record({ s3: fc.record({ authMethod: fc.oneof(fc.constantFrom('none', 'origin-access-identity'), odd), customHeaders: headerMap, domainName: fc.oneof(fc.domain(), odd), path: odd, region: odd }, { requiredKeys: [] }) }),
  odd,
);
const body = fc.oneof(fc.record({ action: fc.oneof(fc.constantFrom('read-only', 'replace'), odd), encoding: fc.oneof(fc.constantFrom('base64', 'text'), odd), data: fc.oneof(fc.base64String(), odd), inputTruncated: odd }, { requiredKeys: [] }), odd);

/** Mostly plausible values, sometimes odd ones, so both outcomes are exercised. */
const mostly = <T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: odd });
const safeName = fc.constantFrom('x-a', 'X-B', 'set-cookie', 'cache-control', 'location', '__proto__', 'constructor');
const addedHeaders = fc.dictionary(safeName, fc.array(fc.record({ key: safeName, value: fc.string() }, { requiredKeys: ['value'] }), { maxLength: 2 }), { maxKeys: 3 });
const plausibleHeaders = (before: CfHeaders): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 4, arbitrary: addedHeaders.map((added) => ({ ...json(before), ...added })) }, { weight: 1, arbitrary: headerMap });
const plausibleOrigin = fc.oneof(
  { weight: 3, arbitrary: fc.record({ custom: fc.record({ customHeaders: fc.constant({}), domainName: fc.domain(), keepaliveTimeout: fc.integer({ min: 1, max: 60 }), path: fc.constantFrom('', '/p', '/a/b'), port: fc.constantFrom(80, 443, 8443), protocol: fc.constantFrom('http', 'https'), readTimeout: fc.integer({ min: 4, max: 60 }), sslProtocols: fc.constant(['TLSv1.2']) }) }) },
  { weight: 1, arbitrary: origin },
);
const plausibleBody = fc.oneof(
  { weight: 3, arbitrary: fc.record({ action: fc.constant('replace'), encoding: fc.constant('base64'), data: fc.base64String(), inputTruncated: fc.constant(false) }) },
  { weight: 1, arbitrary: body },
);

/** A request result: the event's request with random fields replaced, or anything at all. */
function requestResult(before: CfRequest): fc.Arbitrary<unknown> {
  const mutated = fc
    .record({ uri: mostly(fc.constantFrom('/', '/a', '/b/c.html')), querystring: mostly(fc.constantFrom('', 'a=1', 'x=%20')), headers: plausibleHeaders(before.headers), method: mostly(fc.constant(before.method)), origin: plausibleOrigin, body: plausibleBody }, { requiredKeys: [] })
    .map((changes) => ({ ...json(before), ...changes }));
  const generated = fc.record(
    { status: mostly(fc.integer({ min: 200, max: 599 })), statusDescription: mostly(fc.string()), headers: mostly(addedHeaders), body: mostly(fc.string()), bodyEncoding: mostly(fc.constant('text')) },
    { requiredKeys: ['status'] },
  );
  return fc.oneof({ weight: 4, arbitrary: mutated }, { weight: 2, arbitrary: generated }, { weight: 1, arbitrary: odd });
}
function responseResult(before: CfResponse): fc.Arbitrary<unknown> {
  const mutated = fc
    .record({ status: mostly(fc.integer({ min: 200, max: 599 })), statusDescription: mostly(fc.string()), headers: plausibleHeaders(before.headers), body: mostly(fc.string()), bodyEncoding: mostly(fc.constant('text')) }, { requiredKeys: [] })
    .map((changes) => ({ ...json(before), ...changes }));
  return fc.oneof({ weight: 5, arbitrary: mutated }, { weight: 1, arbitrary: odd });
}

function expectCloudFrontError(error: unknown): void {
  expect(error).toBeInstanceOf(EdgeError);
  const e = error as EdgeError;
  expect(e.kind).toBe('LambdaValidationError');
  expect(e.status).toBe(502);
  expect(TEXTS.has(e.message)).toBe(true);
  expect(e.detail).toMatch(/^[a-z-]+: .+ \(reference [§D][^)]*\)$/s);
}

function expectValidHeaders(headers: CfHeaders): void {
  expect(Object.getPrototypeOf(headers)).toBeNull();
  for (const name of Object.keys(headers)) {
    expect(isHeaderName(name) && name === name.toLowerCase()).toBe(true);
    const list = headers[name]!;
    expect(list.length).toBeGreaterThan(0);
    for (const item of list) {
      expect(typeof item.key).toBe('string');
      expect(typeof item.value).toBe('string');
    }
  }
}

const RUNS = { numRuns: 300 };
/** Generous: huge strings make each run slower on a busy machine; nothing here is timed. */
const TIMEOUT = 120_000;

describe('validator properties', () => {
  it('§3.7 request-event results yield a valid outcome or CloudFront\'s error, nothing else', () => {
    for (const type of requestEvents) {
      const before = beforeRequest[type];
      fc.assert(
        fc.property(requestResult(before), (result) => {
          let outcome;
          try {
            outcome = applyRequestResult(type, before, result);
          } catch (error) {
            expectCloudFrontError(error);
            return;
          }
          if (outcome.kind === 'response') {
            const { status, statusDescription, headers, body: bytes } = outcome.response;
            expect(Number.isInteger(status) && status >= 200 && status <= 599).toBe(true);
            expect(typeof statusDescription).toBe('string');
            expectValidHeaders(headers);
            expect(Buffer.isBuffer(bytes)).toBe(true);
            return;
          }
          const { request } = outcome;
          expect(request.uri.startsWith('/')).toBe(true);
          expect(typeof request.querystring).toBe('string');
          expect(request.method).toBe(before.method);
          expectValidHeaders(request.headers);
          if (outcome.body !== undefined) expect(Buffer.isBuffer(outcome.body)).toBe(true);
          // What was accepted once is accepted again unchanged.
          const again = applyRequestResult(type, before, json(request));
          expect(again.kind === 'request' && json(again.request)).toEqual(json(request));
        }),
        RUNS,
      );
    }
  }, TIMEOUT);

  it('§3.7 response-event results yield a valid outcome or CloudFront\'s error, nothing else', () => {
    for (const type of responseEvents) {
      const before = beforeResponse[type];
      fc.assert(
        fc.property(responseResult(before.response), (result) => {
          let outcome;
          try {
            outcome = applyResponseResult(type, before, result);
          } catch (error) {
            expectCloudFrontError(error);
            return;
          }
          const { status, statusDescription, headers } = outcome.response;
          expect(status).toMatch(/^[2-5]\d\d$/);
          if (type === 'viewer-response') {
            expect(status).toBe(before.response.status);
            expect(outcome.body).toBeUndefined();
          }
          expect(typeof statusDescription).toBe('string');
          expectValidHeaders(headers);
          expect(json(headers['transfer-encoding'] ?? null)).toEqual(json(before.response.headers['transfer-encoding'] ?? null));
        }),
        RUNS,
      );
    }
  }, TIMEOUT);
});
