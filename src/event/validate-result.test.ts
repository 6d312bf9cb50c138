import { describe, it, expect } from 'vitest';
import { buildEvent } from './build-event.js';
import { CLOUDFRONT_TEXT, type EdgeError } from './errors.js';
import type { CfRequest, CfRequestEvent, CfResponse, CfResponseEvent } from './types.js';
import { applyRequestResult, applyResponseResult } from './validate-result.js';

function thrown(fn: () => unknown): EdgeError {
  try {
    fn();
  } catch (error) {
    return error as EdgeError;
  }
  throw new Error('expected a validation error');
}

/** What the handler sees and returns: the D48 JSON round trip. */
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function requestOf(type: 'viewer-request' | 'origin-request', options = {}): CfRequest {
  return (buildEvent(type, options) as CfRequestEvent).Records[0].cf.request;
}
function responseOf(type: 'origin-response' | 'viewer-response', options = {}): { request: CfRequest; response: CfResponse } {
  return (buildEvent(type, options) as CfResponseEvent).Records[0].cf;
}

describe('applyRequestResult', () => {
  it('§3.1 merges uri, querystring and headers into a new request and leaves the event alone', () => {
    const before = requestOf('viewer-request');
    const snapshot = json(before);
    const result = json(before);
    result.uri = '/new';
    result.querystring = 'a=1';
    result.headers['x-added'] = [{ value: 'v' } as { key: string; value: string }];
    const outcome = applyRequestResult('viewer-request', before, result);
    expect(outcome.kind).toBe('request');
    if (outcome.kind !== 'request') return;
    expect(outcome.request).toMatchObject({ uri: '/new', querystring: 'a=1', method: 'GET', clientIp: before.clientIp });
    expect(outcome.request.headers['x-added']).toEqual([{ key: 'X-Added', value: 'v' }]);
    expect(outcome.body).toBeUndefined();
    expect(json(before)).toEqual(snapshot);
  });

  it('§1.7 a replaced body comes back as exact bytes', () => {
    const before = requestOf('origin-request', { body: 'original' });
    const result = json(before);
    result.body = { action: 'replace', encoding: 'base64', data: 'AP8A', inputTruncated: false };
    const outcome = applyRequestResult('origin-request', before, result);
    expect(outcome.kind === 'request' && outcome.body).toEqual(Buffer.from([0, 255, 0]));
  });

  it('§1.10 a generated response becomes an HttpResponse with reason phrase, keys and decoded body', () => {
    const outcome = applyRequestResult('viewer-request', requestOf('viewer-request'), {
      status: '302',
      headers: { location: [{ value: 'https://example.com/' }] },
      body: 'aGk=',
      bodyEncoding: 'base64',
    });
    expect(outcome.kind).toBe('response');
    if (outcome.kind !== 'response') return;
    expect(outcome.response).toEqual({
      status: 302,
      statusDescription: 'Found',
      headers: { location: [{ key: 'Location', value: 'https://example.com/' }] },
      body: Buffer.from('hi'),
    });
    const custom = applyRequestResult('origin-request', requestOf('origin-request'), { status: 200, statusDescription: 'Fine' });
    expect(custom.kind === 'response' && custom.response).toMatchObject({ status: 200, statusDescription: 'Fine', body: Buffer.alloc(0) });
  });

  it('§3.7 reports the first failure in order: status before headers before read-only before uri before origin before body', () => {
    const vr = requestOf('viewer-request');
    expect(thrown(() => applyRequestResult('viewer-request', vr, { status: 700, headers: { 'x-forwarded-proto': [{ value: 'x' }] } })).detail).toMatch(/§1\.10/);
    const badHeadersAndUri = { ...json(vr), uri: 'x', headers: { 'x-a': [{ value: 1 }] } };
    expect(thrown(() => applyRequestResult('viewer-request', vr, badHeadersAndUri)).detail).toMatch(/§1\.6/);
    const disallowedAndReadOnly = json(vr);
    disallowedAndReadOnly.headers['x-forwarded-proto'] = [{ key: 'X-Forwarded-Proto', value: 'https' }];
    delete disallowedAndReadOnly.headers['host'];
    expect(thrown(() => applyRequestResult('viewer-request', vr, disallowedAndReadOnly)).message).toBe(CLOUDFRONT_TEXT.disallowedHeader);
    delete disallowedAndReadOnly.headers['x-forwarded-proto'];
    expect(thrown(() => applyRequestResult('viewer-request', vr, { ...disallowedAndReadOnly, uri: 'x' })).message).toBe(CLOUDFRONT_TEXT.readOnlyHeader);
    const or = requestOf('origin-request', { body: 'b' });
    const uriAndOrigin = { ...json(or), uri: 'x', origin: { custom: {} } };
    expect(thrown(() => applyRequestResult('origin-request', or, uriAndOrigin)).detail).toMatch(/request\.uri/);
    const originAndBody = { ...json(or), origin: {}, body: { action: 'replace', encoding: 'base64', data: '!' } };
    expect(thrown(() => applyRequestResult('origin-request', or, originAndBody)).detail).toMatch(/request\.origin/);
  });

  it('§3.8 rejects a non-object result and a request result with missing fields', () => {
    expect(thrown(() => applyRequestResult('viewer-request', requestOf('viewer-request'), null)).message).toBe(CLOUDFRONT_TEXT.notObject);
    expect(thrown(() => applyRequestResult('viewer-request', requestOf('viewer-request'), {})).detail).toMatch(/request\.headers is missing/);
  });

  it('§3.1 origin-request may switch origin and set Host; viewer-request origin is ignored with a warning', () => {
    const or = requestOf('origin-request');
    const result = json(or);
    result.headers['host'] = [{ key: 'Host', value: 'bucket.s3.amazonaws.com' }];
    result.origin = { s3: { authMethod: 'none', customHeaders: {}, domainName: 'bucket.s3.amazonaws.com', path: '' } };
    const outcome = applyRequestResult('origin-request', or, result);
    expect(outcome.kind === 'request' && outcome.request.origin?.s3?.domainName).toBe('bucket.s3.amazonaws.com');
    const vr = requestOf('viewer-request');
    const ignored = applyRequestResult('viewer-request', vr, { ...json(vr), origin: result.origin });
    expect(ignored.kind === 'request' && ignored.request.origin).toBeUndefined();
    expect(ignored.warnings[0]).toMatch(/only origin-request/);
  });
});

describe('applyResponseResult', () => {
  it('§1.11 origin-response may set a numeric status, normalised to a string with its reason phrase', () => {
    const before = responseOf('origin-response');
    const outcome = applyResponseResult('origin-response', before, { ...json(before.response), status: 404, statusDescription: undefined });
    expect(outcome.response.status).toBe('404');
    expect(outcome.response.statusDescription).toBe('Not Found');
    expect(outcome.body).toBeUndefined();
  });

  it('§1.9 origin-response may replace the body; an empty string removes it', () => {
    const before = responseOf('origin-response');
    expect(applyResponseResult('origin-response', before, { ...json(before.response), body: 'new' }).body).toEqual(Buffer.from('new'));
    expect(applyResponseResult('origin-response', before, { ...json(before.response), body: '' }).body).toEqual(Buffer.alloc(0));
  });

  it('§3.3 rejects a deleted transfer-encoding in origin-response', () => {
    const before = responseOf('origin-response', { responseHeaders: { 'Transfer-Encoding': 'chunked' } });
    const result = json(before.response);
    delete result.headers['transfer-encoding'];
    const error = thrown(() => applyResponseResult('origin-response', before, result));
    expect(error).toMatchObject({ kind: 'LambdaValidationError', status: 502, message: CLOUDFRONT_TEXT.readOnlyHeader });
    expect(error.detail).toBe(
      'origin-response: response.headers["transfer-encoding"] was deleted, but Transfer-Encoding is read-only in origin-response (reference §3.3)',
    );
  });

  it('D4 viewer-response keeps the status and body, with warnings, and applies headers', () => {
    const before = responseOf('viewer-response');
    const result = { ...json(before.response), status: '500', body: 'x' };
    result.headers['x-frame-options'] = [{ key: 'X-Frame-Options', value: 'SAMEORIGIN' }];
    const outcome = applyResponseResult('viewer-response', before, result);
    expect(outcome.response.status).toBe('200');
    expect(outcome.body).toBeUndefined();
    expect(outcome.response.headers['x-frame-options']).toEqual([{ key: 'X-Frame-Options', value: 'SAMEORIGIN' }]);
    expect(outcome.warnings).toHaveLength(2);
  });

  it('D12 origin-response needs a status from 200 to 599', () => {
    const before = responseOf('origin-response');
    expect(thrown(() => applyResponseResult('origin-response', before, { ...json(before.response), status: 199 })).detail).toMatch(/200 to 599/);
    const { status: _omitted, ...noStatus } = json(before.response);
    expect(thrown(() => applyResponseResult('origin-response', before, noStatus)).detail).toMatch(/status is missing/);
  });
});
