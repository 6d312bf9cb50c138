import { describe, expect, it } from 'vitest';
import { headersFromRawHeaders } from '../event/index.js';
import type { CfRequest, HttpResponse } from '../event/index.js';
import { runViewerRequestFunction, runViewerResponseFunction, testFunction, type FunctionCall } from './run-cloudfront-function.js';
import { functionRequestOf } from './to-function-event.js';
import { testSpec } from './test-spec.js';

const CALL: FunctionCall = { distributionDomainName: 'd1.cloudfront.net', distributionId: 'E1', requestId: 'r1', edgeLocation: { name: 'LOCAL', serverIp: '127.0.0.1', region: 'us-east-1' } };
const request = (): CfRequest => ({
  clientIp: '203.0.113.9',
  method: 'GET',
  uri: '/docs/',
  querystring: 'a=1&a=2&b',
  headers: headersFromRawHeaders(['Host', 'example.com', 'Accept', 'text/html', 'Accept', 'text/plain', 'Cookie', 'x=1; y=2']),
});
const served = (): HttpResponse => ({
  status: 200,
  statusDescription: 'OK',
  headers: headersFromRawHeaders(['Content-Type', 'text/html', 'Set-Cookie', 'id=1; Path=/', 'Via', '1.1 origin']),
  body: Buffer.from('<p>origin</p>'),
});
const onRequest = (code: string) => runViewerRequestFunction(testSpec(code), CALL, request());
const onResponse = (code: string) => runViewerResponseFunction(testSpec(code), CALL, request(), served());

describe('CloudFront Functions event and result', () => {
  it('§9 shows headers, cookies and query strings as objects with multiValue (dg:functions-event-structure)', () => {
    expect(functionRequestOf(request())).toEqual({
      method: 'GET',
      uri: '/docs/',
      querystring: { a: { value: '1', multiValue: [{ value: '1' }, { value: '2' }] }, b: { value: '' } },
      headers: { host: { value: 'example.com' }, accept: { value: 'text/html', multiValue: [{ value: 'text/html' }, { value: 'text/plain' }] } },
      cookies: { x: { value: '1' }, y: { value: '2' } },
    });
  });

  it('§9 merges a returned request: new lower-case headers re-capitalised, query and cookies rebuilt, unchanged parts kept', () => {
    const out = onRequest('function handler(e) { var r = e.request; r.uri = "/docs/index.html"; r.headers["x-added-by"] = { value: "cff" }; r.cookies.z = { value: "3" }; return r; }');
    expect(out.kind).toBe('request');
    if (out.kind !== 'request') return;
    expect(out.request.uri).toBe('/docs/index.html');
    expect(out.request.querystring).toBe('a=1&a=2&b');
    expect(out.request.headers['x-added-by']).toEqual([{ key: 'X-Added-By', value: 'cff' }]);
    expect(out.request.headers['cookie']).toEqual([{ key: 'Cookie', value: 'x=1; y=2; z=3' }]);
    expect(out.request.headers['accept']!.map((h) => h.value)).toEqual(['text/html', 'text/plain']);
  });

  it('§9 a changed multiValue wins over value; a changed value replaces only the first (dg:functions-event-structure)', () => {
    const out = onRequest('function handler(e) { var r = e.request; r.querystring.a.multiValue = [{ value: "9" }]; r.headers.accept.value = "x/y"; return r; }');
    if (out.kind !== 'request') throw new Error('expected a request');
    expect(out.request.querystring).toBe('a=9&b=');
    expect(out.request.headers['accept']!.map((h) => h.value)).toEqual(['x/y', 'text/plain']);
  });

  it('§9 a returned statusCode is a generated response (§2.3)', () => {
    const out = onRequest('function handler(e) { return { statusCode: 302, statusDescription: "Found", headers: { location: { value: "/new" } } }; }');
    expect(out).toMatchObject({ kind: 'response', response: { status: 302, statusDescription: 'Found', headers: { location: [{ key: 'Location', value: '/new' }] } } });
  });

  it('§3.3 rejects a changed read-only Host header with FunctionValidationError 502', () => {
    expect(() => onRequest('function handler(e) { e.request.headers.host.value = "evil"; return e.request; }')).toThrow(
      expect.objectContaining({ kind: 'FunctionValidationError', status: 502, detail: expect.stringMatching(/"test-fn" \(viewer-request\): request.headers\["host"\]: a read-only header/) }),
    );
  });

  it('§3.2 rejects an added disallowed header; §9 an upper-case header name; a uri without "/"', () => {
    expect(() => onRequest('function handler(e) { e.request.headers["x-amz-cf-pop"] = { value: "x" }; return e.request; }')).toThrow(expect.objectContaining({ kind: 'FunctionValidationError' }));
    expect(() => onRequest('function handler(e) { e.request.headers["X-Up"] = { value: "x" }; return e.request; }')).toThrow(expect.objectContaining({ detail: expect.stringContaining('must be lower-case') }));
    expect(() => onRequest('function handler(e) { e.request.uri = "docs"; return e.request; }')).toThrow(expect.objectContaining({ detail: expect.stringContaining('request.uri') }));
  });

  it('§3.8 a throw is 503 FunctionExecutionError, a runaway 503 FunctionThrottledError', () => {
    expect(() => onRequest('function handler(e) { throw new Error("boom"); }')).toThrow(expect.objectContaining({ kind: 'FunctionExecutionError', status: 503, detail: expect.stringContaining('Error: boom') }));
    expect(() => onRequest('function handler(e) { for (;;) {} }')).toThrow(expect.objectContaining({ kind: 'FunctionThrottledError', status: 503 }));
  });

  it('§9 viewer-response may change status, headers, cookies and replace the body; the original body stays otherwise', () => {
    const out = onResponse('function handler(e) { var r = e.response; r.statusCode = 404; r.headers["x-frame-options"] = { value: "DENY" }; r.cookies.id.value = "2"; r.body = { encoding: "base64", data: "aGk=" }; return r; }');
    expect(out.response).toMatchObject({ status: 404, statusDescription: 'Not Found', body: Buffer.from('hi') });
    expect(out.response.headers['set-cookie']).toEqual([{ key: 'Set-Cookie', value: 'id=2; Path=/' }]);
    expect(onResponse('function handler(e) { return e.response; }').response.body.toString()).toBe('<p>origin</p>');
    expect(onResponse('function handler(e) { e.response.body = "text"; return e.response; }').response.body.toString()).toBe('text');
  });

  it('§3.3 viewer-response: Via is read-only; a bad base64 body and a returned request fail validation', () => {
    expect(() => onResponse('function handler(e) { delete e.response.headers.via; return e.response; }')).toThrow(expect.objectContaining({ kind: 'FunctionValidationError' }));
    expect(() => onResponse('function handler(e) { e.response.body = { encoding: "base64", data: "%%" }; return e.response; }')).toThrow(expect.objectContaining({ detail: expect.stringContaining('base64') }));
    expect(() => onResponse('function handler(e) { return e.request; }')).toThrow(expect.objectContaining({ detail: expect.stringContaining('must return the response') }));
  });

  it('§9 testFunction reports output, logs and errors as TestFunction does (api:TestResult)', () => {
    const event = { version: '1.0' as const, context: { distributionDomainName: 'd', distributionId: 'E', eventType: 'viewer-request' as const, requestId: 'r' }, viewer: { ip: '1.2.3.4' }, request: { method: 'GET', uri: '/', querystring: {}, headers: {}, cookies: {} } };
    const ok = testFunction(testSpec('function handler(e) { console.log("hi"); return e.request; }'), event);
    expect(ok).toMatchObject({ logs: ['hi'], output: { request: { uri: '/' } } });
    expect(testFunction(testSpec('function handler(e) { throw new TypeError("x"); }'), event).error?.kind).toBe('FunctionExecutionError');
  });
});
