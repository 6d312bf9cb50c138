import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CloudFrontClient,
  DescribeFunctionCommand,
  GetFunctionCommand,
  ListFunctionsCommand,
  NoSuchFunctionExists,
  TestFunctionCommand,
} from '@aws-sdk/client-cloudfront';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { functionArn, startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';

// interface.md › CloudFront Functions: the function operations through the real @aws-sdk/client-cloudfront.
const CODE = `function handler(event) {
  console.log('uri ' + event.request.uri);
  if (event.request.uri === '/throw') throw new Error('boom');
  event.request.uri += 'index.html';
  return event.request;
}`;
const event = (uri: string) =>
  new TextEncoder().encode(JSON.stringify({ version: '1.0', context: { eventType: 'viewer-request' }, viewer: { ip: '1.2.3.4' }, request: { method: 'GET', uri, querystring: {}, headers: {}, cookies: {} } }));

let origin: TestOrigin;
let edge: TestEdge;
let client: CloudFrontClient;

beforeAll(async () => {
  origin = await startOrigin();
  edge = await startEdge({
    originMap: { origin: origin.url },
    cloudFrontFunctions: { 'url-rewrite': { code: CODE, runtime: 'cloudfront-js-1.0' } },
    defaultBehavior: { cloudFrontFunctions: { 'viewer-request': functionArn('url-rewrite') } },
  });
  client = new CloudFrontClient({ endpoint: edge.controlUrl, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' } });
});

afterAll(async () => {
  client?.destroy();
  await edge?.close();
  await origin?.close();
});

describe('CloudFront Functions through the control API', () => {
  it('§9 TestFunction returns FunctionOutput, FunctionExecutionLogs and ComputeUtilization (api:TestResult)', async () => {
    const { TestResult } = await client.send(new TestFunctionCommand({ Name: 'url-rewrite', IfMatch: 'x', Stage: 'LIVE', EventObject: event('/docs/') }));
    expect(JSON.parse(TestResult!.FunctionOutput!)).toMatchObject({ request: { uri: '/docs/index.html' } });
    expect(TestResult!.FunctionExecutionLogs).toEqual(['uri /docs/']);
    expect(Number(TestResult!.ComputeUtilization)).toBeGreaterThanOrEqual(0);
    expect(TestResult!.FunctionSummary).toMatchObject({ Name: 'url-rewrite', FunctionConfig: { Runtime: 'cloudfront-js-1.0' } });
  });

  it('§9 TestFunction reports a thrown error in FunctionErrorMessage', async () => {
    const { TestResult } = await client.send(new TestFunctionCommand({ Name: 'url-rewrite', IfMatch: 'x', EventObject: event('/throw') }));
    expect(TestResult!.FunctionErrorMessage).toMatch(/^FunctionExecutionError: .*Error: boom/);
    expect(TestResult!.FunctionOutput).toBeUndefined();
  });

  it('§9 DescribeFunction, GetFunction and ListFunctions describe the configured functions', async () => {
    const described = await client.send(new DescribeFunctionCommand({ Name: 'url-rewrite' }));
    expect(described.FunctionSummary).toMatchObject({ Name: 'url-rewrite', FunctionMetadata: { FunctionARN: functionArn('url-rewrite'), Stage: 'LIVE' } });
    expect(described.ETag).toMatch(/^E/);
    const got = await client.send(new GetFunctionCommand({ Name: 'url-rewrite' }));
    expect(new TextDecoder().decode(got.FunctionCode)).toBe(CODE);
    const list = await client.send(new ListFunctionsCommand({}));
    expect(list.FunctionList?.Items?.map((item) => item.Name)).toEqual(['url-rewrite']);
    await expect(client.send(new DescribeFunctionCommand({ Name: 'nope' }))).rejects.toBeInstanceOf(NoSuchFunctionExists);
  });
});
