import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { originResponse, viewerRequest, viewerResponse } from './events.js';
import { closeSharedRuntime, invoke } from './invoke.js';
import { cloudFrontMatchers } from './matchers.js';

expect.extend(cloudFrontMatchers);
afterAll(closeSharedRuntime);

const dir = mkdtempSync(join(tmpdir(), 'edge-dev-matchers-'));
function handler(name: string, body: string): string {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, `export const handler = async (event) => {\n${body}\n};\n`);
  return file;
}
const passThrough = handler('pass', 'return event.Records[0].cf.request;');
const redirect = handler('redirect', "return { status: '302', headers: { location: [{ key: 'Location', value: '/new' }] }, body: 'moved' };");
const rewrite = handler('rewrite', "const r = event.Records[0].cf.request; r.uri = '/v2' + r.uri; r.querystring = 'a=1'; r.headers['x-tag'] = [{ key: 'X-Tag', value: 'on' }]; return r;");
const viaDeleted = handler('via', "const r = event.Records[0].cf.response; delete r.headers.via; return r;");
const throws = handler('throws', "throw new Error('boom');");
const originBody = handler('body', "const r = event.Records[0].cf.response; r.body = 'replaced'; return r;");

/** The message a failing matcher gives, so the tests can check it reads well. */
function failure(run: () => void): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the matcher passed');
}

describe('cloudFrontMatchers', () => {
  it('toBeAccepted passes for an accepted result and explains a rejected one', async () => {
    expect(await invoke(passThrough, viewerRequest())).toBeAccepted();
    const rejected = await invoke(viaDeleted, viewerResponse({ responseHeaders: { Via: '1.1 abc.cloudfront.net (CloudFront)' } }));
    expect(failure(() => expect(rejected).toBeAccepted())).toMatch(/CloudFront to accept the result, but got a CloudFront LambdaValidationError \(502\)/);
  });

  it('§3.8 toFailWith checks the error kind and, optionally, the text', async () => {
    const rejected = await invoke(viaDeleted, viewerResponse({ responseHeaders: { Via: '1.1 abc.cloudfront.net (CloudFront)' } }));
    expect(rejected).toFailWith('LambdaValidationError', 'read-only header');
    expect(rejected).toFailWith('LambdaValidationError', /via/i);
    expect(rejected).not.toFailWith('LambdaExecutionError');
    const crashed = await invoke(throws, viewerRequest());
    expect(crashed).toFailWith('LambdaExecutionError');
    expect(failure(() => expect(crashed).toFailWith('LambdaValidationError'))).toMatch(/a CloudFront LambdaValidationError, but got a CloudFront LambdaExecutionError \(503\)/);
  });

  it('toGenerateResponse, toRedirectTo and toHaveBody read a generated response', async () => {
    const result = await invoke(redirect, viewerRequest({ uri: '/old' }));
    expect(result).toGenerateResponse();
    expect(result).toGenerateResponse(302);
    expect(result).not.toGenerateResponse(301);
    expect(result).toRedirectTo('/new');
    expect(result).toRedirectTo(/^\/ne/, 302);
    expect(result).toHaveBody('moved');
    expect(failure(() => expect(result).toRedirectTo('/elsewhere', 301))).toMatch(/a 301 redirect to "\/elsewhere", but got status 302 with location "\/new"/);
  });

  it('toForwardRequest checks uri, querystring and headers of the continuing request', async () => {
    const result = await invoke(rewrite, viewerRequest({ uri: '/page' }));
    expect(result).toForwardRequest();
    expect(result).toForwardRequest('/v2/page');
    expect(result).toForwardRequest({ uri: /^\/v2\//, querystring: 'a=1', headers: { 'X-Tag': 'on' } });
    expect(failure(() => expect(result).toForwardRequest({ headers: { 'x-tag': 'off' } }))).toMatch(/whose header x-tag is "on"/);
    expect(failure(() => expect(result).toGenerateResponse())).toMatch(/but got a forwarded request GET \/v2\/page\?a=1/);
  });

  it('toHaveHeader looks at the response, any value, case-insensitive name', async () => {
    const result = await invoke(passThrough, viewerRequest({ headers: { Accept: ['text/html', 'image/png'] } }));
    expect(result).toHaveHeader('accept', 'image/png');
    expect(result).not.toHaveHeader('x-missing');
    const response = await invoke(originBody, originResponse({ status: 404 }));
    expect(response).toHaveHeader('Content-Type', /text\/html/);
    expect(response).toHaveStatus(404);
    expect(response).toHaveBody('replaced');
    expect(failure(() => expect(response).toHaveHeader('x-missing'))).toMatch(/header x-missing, but got response header x-missing absent/);
  });

  it('refuses something that is not an invoke result, saying so', () => {
    expect(failure(() => expect({ status: 200 }).toHaveStatus(200))).toMatch(/toHaveStatus: expected the result of invoke\(\.\.\.\)/);
  });
});
