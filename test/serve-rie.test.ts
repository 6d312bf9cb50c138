import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { arn, startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';

process.env.AWS_EC2_METADATA_DISABLED = 'true';

const event = {
  Records: [
    {
      cf: {
        config: { distributionDomainName: 'd111111abcdef8.cloudfront.net', distributionId: 'EDFDVBD6EXAMPLE', eventType: 'viewer-request', requestId: 'r' },
        request: { clientIp: '203.0.113.178', headers: { host: [{ key: 'Host', value: 'd111111abcdef8.cloudfront.net' }] }, method: 'GET', querystring: '', uri: '/x' },
      },
    },
  ],
};

let origin: TestOrigin;
let edge: TestEdge;
let lambda: LambdaClient;

beforeAll(async () => {
  origin = await startOrigin();
  edge = await startEdge({
    originMap: { origin: origin.url },
    handlers: {
      echo: `export const handler = async (event) => {
        const request = event.Records[0].cf.request;
        if (request.uri === '/throw') throw new TypeError('boom');
        // Not a valid CloudFront result: the RIE does not validate, it returns what the handler returned.
        return { seen: request.uri, n: 1 };
      };`,
    },
    defaultBehavior: { lambdas: { 'viewer-request': arn('echo') } },
  });
  lambda = new LambdaClient({
    endpoint: edge.controlUrl,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
  });
});

afterAll(async () => {
  lambda?.destroy();
  await edge?.close();
  await origin?.close();
});

const invoke = (name: string, body: string) => fetch(`${edge.controlUrl}/2015-03-31/functions/${name}/invocations`, { method: 'POST', body });

describe('the RIE endpoint on the control API', () => {
  it('returns the handler\'s raw result, unvalidated', async () => {
    const response = await invoke('echo', JSON.stringify(event));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ seen: '/x', n: 1 });
    expect(edge.invocations('echo')).toBeGreaterThanOrEqual(1);
  });

  it('`function` names the only function', async () => {
    const response = await invoke('function', JSON.stringify(event));
    expect(await response.json()).toEqual({ seen: '/x', n: 1 });
  });

  it('a throwing handler: 200 with X-Amz-Function-Error: Unhandled and the error', async () => {
    const thrown = structuredClone(event);
    thrown.Records[0]!.cf.request.uri = '/throw';
    const response = await invoke('echo', JSON.stringify(thrown));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-amz-function-error')).toBe('Unhandled');
    // lambda:nodejs-exceptions: the Node.js runtime's error document.
    const body = (await response.json()) as { errorType: string; errorMessage: string; trace: string[] };
    expect(body.errorType).toBe('TypeError');
    expect(body.errorMessage).toBe('boom');
    expect(body.trace[0]).toBe('TypeError: boom');
  });

  it('an unknown function → 404 ResourceNotFoundException naming the known ones', async () => {
    const response = await invoke('nope', '{}');
    expect(response.status).toBe(404);
    const body = (await response.json()) as { errorType: string; errorMessage: string };
    expect(body.errorType).toBe('ResourceNotFoundException');
    expect(body.errorMessage).toContain('echo');
  });

  it('a body that is not JSON → 400 InvalidRequestContentException', async () => {
    const response = await invoke('echo', '{ nope');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errorType: string }).errorType).toBe('InvalidRequestContentException');
  });

  it('works through the real @aws-sdk/client-lambda Invoke', async () => {
    const output = await lambda.send(new InvokeCommand({ FunctionName: 'echo', Payload: new TextEncoder().encode(JSON.stringify(event)) }));
    expect(output.StatusCode).toBe(200);
    expect(output.FunctionError).toBeUndefined();
    expect(JSON.parse(new TextDecoder().decode(output.Payload))).toEqual({ seen: '/x', n: 1 });
    const thrown = structuredClone(event);
    thrown.Records[0]!.cf.request.uri = '/throw';
    const failed = await lambda.send(new InvokeCommand({ FunctionName: 'echo', Payload: new TextEncoder().encode(JSON.stringify(thrown)) }));
    expect(failed.FunctionError).toBe('Unhandled');
    expect(JSON.parse(new TextDecoder().decode(failed.Payload))).toMatchObject({ errorType: 'TypeError', errorMessage: 'boom' });
  });
});
