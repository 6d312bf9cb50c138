import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyRequestResult, applyResponseResult, buildEvent, EdgeError } from '../src/event/index.js';
import type { CfRequest, CfRequestEvent, CfResponseEvent } from '../src/event/index.js';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { ALL_VIEWER, arn, CACHING_DISABLED } from './helpers/distribution.js';
import { startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';
import { sendRaw } from './helpers/raw-viewer.js';

/**
 * Issue 6, "never lies": what src/event's property tests do not cover. A handler that hands back exactly what it
 * got is never rejected, validation never mutates its input, and arbitrary legal request targets pass a
 * four-trigger passthrough edge unchanged.
 */
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const pchar = fc.constantFrom(...'abcXYZ019-._~!$&\'()*+,;=:@'.split(''), '%20', '%2F', '%C3%A9', '%00', '%zz');
const segment = fc.array(pchar, { minLength: 0, maxLength: 8 }).map((chars) => chars.join(''));
const uri = fc.array(segment, { minLength: 1, maxLength: 5 }).map((segments) => `/${segments.join('/')}`);
const qchar = fc.constantFrom(...'abc019-._~!$\'()*+,;:@/?'.split(''), '%20', '%26', '%3D', '%E2%82%AC');
const qtext = (min: number) => fc.array(qchar, { minLength: min, maxLength: 6 }).map((chars) => chars.join(''));
// §5.1: `&` separates parameters; each here has a name (edge-dev drops empty parameters such as a bare `&`).
const parameter = fc.tuple(qtext(1), fc.option(qtext(0), { nil: undefined })).map(([name, value]) => (value === undefined ? name : `${name}=${value}`));
const querystring = fc.array(parameter, { maxLength: 4 }).map((parameters) => parameters.join('&'));
// `x-` names stay clear of CloudFront's disallowed and read-only headers (§3.2, §3.3), which have their own tests.
const headerName = fc.stringMatching(/^x-[a-z0-9-]{1,16}$/);
const headerValue = fc.stringMatching(/^[!-~]([ -~]{0,30}[!-~])?$/);
const headers = fc.dictionary(headerName, fc.oneof(headerValue, fc.array(headerValue, { minLength: 1, maxLength: 3 })), { maxKeys: 6 });
const method = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'OPTIONS', 'DELETE');

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

describe('§3.7 validator properties (additions to src/event)', () => {
  for (const eventType of ['viewer-request', 'origin-request'] as const) {
    it(`§3.7 ${eventType}: returning the request as received is always accepted, unchanged`, () => {
      fc.assert(
        fc.property(uri, querystring, headers, method, (u, q, h, m) => {
          const request = (buildEvent(eventType, { uri: u, querystring: q, headers: h, method: m }) as CfRequestEvent).Records[0].cf.request;
          const outcome = applyRequestResult(eventType, request, json(request));
          expect(outcome.kind).toBe('request');
          if (outcome.kind === 'request') expect(json(outcome.request)).toEqual(json(request));
        }),
        { numRuns: 300 },
      );
    });
  }

  for (const eventType of ['origin-response', 'viewer-response'] as const) {
    it(`§3.7 ${eventType}: returning the response as received is always accepted, unchanged`, () => {
      fc.assert(
        fc.property(uri, headers, fc.integer({ min: 200, max: 599 }), (u, h, status) => {
          const cf = (buildEvent(eventType, { uri: u, status, responseHeaders: h }) as CfResponseEvent).Records[0].cf;
          const outcome = applyResponseResult(eventType, { request: cf.request, response: cf.response }, json(cf.response));
          expect(json(outcome.response)).toEqual(json(cf.response));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('§3.7 validation never mutates the request it validates against, whatever the result', () => {
    const before = deepFreeze((buildEvent('viewer-request', { uri: '/a', headers: { 'x-a': 'b' } }) as CfRequestEvent).Records[0].cf.request);
    const snapshot = JSON.stringify(before);
    const mutated = fc.record({
      uri: fc.oneof(uri, fc.string(), fc.integer()),
      headers: fc.oneof(fc.dictionary(fc.string(), fc.anything()), fc.anything()),
      querystring: fc.oneof(querystring, fc.anything()),
      method: fc.oneof(method, fc.anything()),
      clientIp: fc.oneof(fc.constant(before.clientIp), fc.anything()),
    }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(mutated, fc.anything()), (result) => {
        let resultCopy: unknown;
        try {
          resultCopy = json(result);
        } catch {
          return; // not JSON: the runtime reports it before validation (D48)
        }
        try {
          applyRequestResult('viewer-request', before as CfRequest, resultCopy);
        } catch (error) {
          if (!(error instanceof EdgeError)) throw error;
        }
        expect(JSON.stringify(before)).toBe(snapshot);
      }),
      { numRuns: 500 },
    );
  });
});

describe('§3.7 through the proxy: arbitrary legal targets pass four passthrough triggers unchanged', () => {
  let origin: TestOrigin;
  let edge: TestEdge;
  beforeAll(async () => {
    origin = await startOrigin((req, res) => res.end(`${req.method} ${req.url}`));
    const passRequest = 'export const handler = async (event) => event.Records[0].cf.request;';
    const passResponse = 'export const handler = async (event) => event.Records[0].cf.response;';
    edge = await startEdge({
      originMap: { origin: origin.url },
      handlers: { vreq: passRequest, oreq: passRequest, ores: passResponse, vres: passResponse },
      defaultBehavior: {
        cachePolicyId: CACHING_DISABLED,
        originRequestPolicyId: ALL_VIEWER,
        lambdas: { 'viewer-request': arn('vreq'), 'origin-request': arn('oreq'), 'origin-response': arn('ores'), 'viewer-response': arn('vres') },
      },
    });
  });
  afterAll(async () => {
    await edge?.close();
    await origin?.close();
  });

  it('§3.6 any origin-form target: 200, and the origin sees exactly the target the viewer sent', async () => {
    await fc.assert(
      fc.asyncProperty(uri, querystring, async (u, q) => {
        const target = q === '' ? u : `${u}?${q}`;
        // Raw bytes: a WHATWG client would re-encode some characters (`'` in a query) before sending.
        const response = await sendRaw(Number(new URL(edge.url).port), `GET ${target} HTTP/1.1\r\nHost: localhost\r\n\r\n`, 0);
        expect({ status: response.status, xCache: response.headers.get('x-cache') }).toEqual({ status: 200, xCache: 'Miss from cloudfront' });
        expect(response.body).toBe(`GET ${target}`);
      }),
      { numRuns: 80 },
    );
  });
});
