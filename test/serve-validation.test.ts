import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { arn, startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';

const READ_ONLY = 'The Lambda function result failed validation: The function tried to add, delete, or change a read-only header.';
const DISALLOWED = 'The Lambda function result failed validation: The function tried to add a blacklisted header.';
const NOT_OBJECT = 'The Lambda function returned invalid JSON: The JSON output must be an object type.';
const INVALID = 'The Lambda function returned an invalid request or response to CloudFront.';
const TOO_BIG = 'The Lambda function result failed validation: The body is not a string, is not an object, or exceeds the maximum size.';
const EXECUTION = "The Lambda function associated with the CloudFront distribution is invalid or doesn't have the required permissions.";

// One broken result per path; everything else passes through.
const handlers = {
  vreq: `export const handler = async (event) => {
    const request = event.Records[0].cf.request;
    switch (request.uri) {
      case '/read-only-host': request.headers.host = [{ key: 'Host', value: 'elsewhere.example.com' }]; return request;
      case '/read-only-via': request.headers.via = [{ key: 'Via', value: '1.1 proxy' }]; return request;
      case '/disallowed': request.headers['x-cache'] = [{ key: 'X-Cache', value: 'Hit from cloudfront' }]; return request;
      case '/disallowed-connection': request.headers.connection = [{ key: 'Connection', value: 'close' }]; return request;
      case '/string': return 'just a string';
      case '/null': return null;
      case '/array': return [request];
      case '/status-99': return { status: '99', body: 'low' };
      case '/status-600': return { status: 600, body: 'high' };
      case '/big': return { status: '200', body: 'x'.repeat(41 * 1024) };
      case '/just-under': return { status: '200', body: 'x'.repeat(30 * 1024) };
      case '/bad-uri': request.uri = 'no-slash'; return request;
      case '/header-number': request.headers['x-n'] = [{ key: 'X-N', value: 5 }]; return request;
      default: return request;
    }
  };`,
  ores: `export const handler = async (event) => {
    const { request, response } = event.Records[0].cf;
    if (request.uri === '/ores-status') response.status = '700';
    if (request.uri === '/ores-via') response.headers.via = [{ key: 'Via', value: 'changed' }];
    return response;
  };`,
  vres: `export const handler = async (event) => {
    const response = event.Records[0].cf.response;
    response.headers['x-viewer-response'] = [{ key: 'X-Viewer-Response', value: 'ran' }];
    return response;
  };`,
  slow: `export const handler = async (event) => {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    return event.Records[0].cf.request;
  };`,
};

let origin: TestOrigin;
let edge: TestEdge;

beforeAll(async () => {
  origin = await startOrigin((req, res) => {
    res.writeHead(200, { 'cache-control': 'max-age=300', 'content-type': 'text/plain' });
    res.end(`origin ${req.url}`);
  });
  edge = await startEdge({
    originMap: { origin: origin.url },
    handlers,
    functionOptions: { slow: { timeout: 1 } },
    defaultBehavior: { lambdas: { 'viewer-request': arn('vreq'), 'origin-response': arn('ores'), 'viewer-response': arn('vres') } },
    behaviors: [{ path: '/slow/*', lambdas: { 'viewer-request': arn('slow') } }],
  });
});

afterAll(async () => {
  await edge?.close();
  await origin?.close();
});

async function expectFailure(path: string, status: number, kind: string, text: string) {
  const response = await edge.get(path);
  const body = await response.text();
  expect(response.status, path).toBe(status);
  expect(response.headers.get('x-cache'), path).toBe(`${kind} from cloudfront`);
  expect(response.headers.get('server'), path).toBe('CloudFront');
  expect(response.headers.get('content-type'), path).toBe('text/html');
  expect(response.headers.get('x-amz-cf-id'), path).toBeTruthy();
  // §3.8: viewer-response does not run on a function error.
  expect(response.headers.get('x-viewer-response'), path).toBeNull();
  expect(body, path).toContain(text);
  expect(body, path).toContain(`<H1>${status} ERROR</H1>`);
  expect(body, path).toContain(`Request ID: ${response.headers.get('x-amz-cf-id')}`);
}

describe('§3.8 validation errors through the proxy', () => {
  it('§3.3 a read-only header changed or added in viewer-request → 502 LambdaValidationError', async () => {
    await expectFailure('/read-only-host', 502, 'LambdaValidationError', READ_ONLY);
    await expectFailure('/read-only-via', 502, 'LambdaValidationError', READ_ONLY);
  });

  it('§3.3 a read-only header changed in origin-response → 502', async () => {
    await expectFailure('/ores-via', 502, 'LambdaValidationError', READ_ONLY);
  });

  it('§3.2 a disallowed header added → 502 with the blacklisted text', async () => {
    await expectFailure('/disallowed', 502, 'LambdaValidationError', DISALLOWED);
    await expectFailure('/disallowed-connection', 502, 'LambdaValidationError', DISALLOWED);
  });

  it('§3.8 a result that is not an object → 502 "must be an object type"', async () => {
    for (const path of ['/string', '/null', '/array']) await expectFailure(path, 502, 'LambdaValidationError', NOT_OBJECT);
  });

  it('§3.8 D12 a status outside 200–599 → 502 invalid response', async () => {
    await expectFailure('/status-99', 502, 'LambdaValidationError', INVALID);
    await expectFailure('/status-600', 502, 'LambdaValidationError', INVALID);
    await expectFailure('/ores-status', 502, 'LambdaValidationError', INVALID);
  });

  it('§3.6 a uri without a leading `/` → 502 invalid request', async () => {
    await expectFailure('/bad-uri', 502, 'LambdaValidationError', INVALID);
  });

  it('§1.6 D7 a non-string header value → 502 invalid request', async () => {
    await expectFailure('/header-number', 502, 'LambdaValidationError', INVALID);
  });

  it('§4 a viewer-request response over 40 KB → 502 size text; under it is served', async () => {
    await expectFailure('/big', 502, 'LambdaValidationError', TOO_BIG);
    const ok = await edge.get('/just-under');
    expect(ok.status).toBe(200);
    expect((await ok.text()).length).toBe(30 * 1024);
  });

  it('§3.8 D26 a timeout → 503 LambdaExecutionError', async () => {
    await expectFailure('/slow/x', 503, 'LambdaExecutionError', EXECUTION);
  });

  it('§3.8 the detail goes to the log under /aws/cloudfront/LambdaEdge/<DistributionId>', async () => {
    await edge.get('/read-only-host');
    expect(edge.logs.some((line) => line.startsWith('/aws/cloudfront/LambdaEdge/') && line.includes('LambdaValidationError'))).toBe(true);
  });

  it('§3.8 D22 function failures are never cached: the function runs again each time', async () => {
    const before = edge.invocations('vreq');
    await edge.get('/status-600');
    await edge.get('/status-600');
    expect(edge.invocations('vreq') - before).toBe(2);
  });

  it('§3.8 the server keeps serving after every failure', async () => {
    const response = await edge.get('/fine');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-cache')).toBe('Miss from cloudfront');
    expect(response.headers.get('x-viewer-response')).toBe('ran');
    expect(await response.text()).toBe('origin /fine');
    const afterTimeout = await edge.get('/slow/again');
    expect(afterTimeout.status).toBe(503);
    expect((await edge.get('/fine')).headers.get('x-cache')).toBe('Hit from cloudfront');
  });
});
