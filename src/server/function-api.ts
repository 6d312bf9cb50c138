/**
 * interface.md › CloudFront Functions: TestFunction, DescribeFunction, GetFunction and ListFunctions of the CloudFront
 * API (2020-05-31, REST-XML) for the configured CloudFront Functions (api:TestFunction, api:TestResult,
 * api:FunctionSummary). Every function is reported as published (`LIVE`, `DEPLOYED`); both stages run the same code.
 */
import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { testFunction } from '../functions/index.js';
import type { CloudFrontFunctionSpec, FunctionEvent } from '../functions/index.js';
import { apiErrorResponse, xmlResponse } from './api-error.js';
import { parseXml, toXml } from './xml.js';
import type { EdgeHolder } from './types.js';

const API = '/2020-05-31/function';
const NO_LISTS = new Set<string>();

function etagOf(spec: CloudFrontFunctionSpec): string {
  return `E${createHash('sha256').update(spec.code).digest('hex').slice(0, 13).toUpperCase()}`;
}

function summaryOf(spec: CloudFrontFunctionSpec, startedAt: Date): Record<string, unknown> {
  const config: Record<string, unknown> = { Comment: '', Runtime: spec.runtime };
  if (spec.keyValueStore) {
    const id = spec.keyValueStore.file.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
    config.KeyValueStoreAssociations = { Quantity: 1, Items: [{ KeyValueStoreARN: `arn:aws:cloudfront::123456789012:key-value-store/${id}` }] };
  }
  return {
    Name: spec.name,
    Status: 'DEPLOYED',
    FunctionConfig: config,
    FunctionMetadata: { FunctionARN: spec.arn, Stage: 'LIVE', CreatedTime: startedAt, LastModifiedTime: startedAt },
  };
}

/** The event of a TestFunction request: base64 of the event JSON (api:TestFunction "EventObject"). */
function readEvent(body: string): FunctionEvent | string {
  const parsed = parseXml(body, 'TestFunctionRequest', NO_LISTS);
  if (!parsed.ok) return parsed.message;
  const encoded = parsed.value.EventObject;
  if (typeof encoded !== 'string' || encoded === '') return 'EventObject is required: the base64 of a CloudFront Functions event.';
  let event: FunctionEvent;
  try {
    event = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as FunctionEvent;
  } catch {
    return 'EventObject is not the base64 of JSON.';
  }
  const type = event?.context?.eventType;
  if (event?.version !== '1.0' || (type !== 'viewer-request' && type !== 'viewer-response') || typeof event.request !== 'object') {
    return 'EventObject must be a CloudFront Functions event: { "version": "1.0", "context": { "eventType": "viewer-request" | "viewer-response" }, "request": {...} }.';
  }
  if (type === 'viewer-response' && typeof event.response !== 'object') return 'A viewer-response event needs a "response" object.';
  return event;
}

/** Adds the four function operations to the control API. */
export function registerFunctionApi(app: Hono, holder: EdgeHolder, startedAt: Date): void {
  const functionOr404 = (c: Context): CloudFrontFunctionSpec | Response => {
    const spec = holder.deps.distribution.cloudFrontFunctions?.get(c.req.param('name') ?? '');
    return spec ?? apiErrorResponse(c, { status: 404, code: 'NoSuchFunctionExists', message: 'The function does not exist.' });
  };

  app.get(API, (c) => {
    const items = [...(holder.deps.distribution.cloudFrontFunctions?.values() ?? [])].map((spec) => summaryOf(spec, startedAt));
    return xmlResponse(c, 200, toXml('FunctionList', { MaxItems: 100, Quantity: items.length, Items: items }));
  });

  app.get(`${API}/:name/describe`, (c) => {
    const spec = functionOr404(c);
    if (spec instanceof Response) return spec;
    return xmlResponse(c, 200, toXml('FunctionSummary', summaryOf(spec, startedAt)), { ETag: etagOf(spec) });
  });

  app.get(`${API}/:name`, (c) => {
    const spec = functionOr404(c);
    if (spec instanceof Response) return spec;
    return c.body(spec.code, 200, { 'Content-Type': 'application/octet-stream', ETag: etagOf(spec) });
  });

  app.post(`${API}/:name/test`, async (c) => {
    const spec = functionOr404(c);
    if (spec instanceof Response) return spec;
    const event = readEvent(await c.req.text());
    if (typeof event === 'string') return apiErrorResponse(c, { status: 400, code: 'InvalidArgument', message: event });
    const result = testFunction(spec, event);
    const testResult: Record<string, unknown> = {
      FunctionSummary: summaryOf(spec, startedAt),
      ComputeUtilization: String(result.computeUtilization),
      FunctionExecutionLogs: result.logs,
    };
    if (result.error) testResult.FunctionErrorMessage = `${result.error.kind}: ${result.error.detail ?? result.error.message}`;
    else testResult.FunctionOutput = JSON.stringify(result.output);
    return xmlResponse(c, 200, toXml('TestResult', testResult));
  });
}
