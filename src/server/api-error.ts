import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { randomUUID } from 'node:crypto';
import { toXml } from './xml.js';

/** A CloudFront API error: its HTTP status, `Code` and `Message` (api:CommonErrors; the model's status per code). */
export interface ApiError {
  status: 400 | 403 | 404 | 413;
  code: string;
  message: string;
}

export function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'code' in value && 'status' in value;
}

/** A REST-XML answer with the request id header the SDK reads. */
export function xmlResponse(c: Context, status: ContentfulStatusCode, body: string, headers: Record<string, string> = {}): Response {
  return c.body(body, status, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': randomUUID(), ...headers });
}

/** `<ErrorResponse><Error><Type>Sender</Type><Code/><Message/></Error><RequestId/></ErrorResponse>`, as CloudFront answers. */
export function apiErrorResponse(c: Context, error: ApiError): Response {
  const body = toXml('ErrorResponse', { Error: { Type: 'Sender', Code: error.code, Message: error.message }, RequestId: randomUUID() });
  return xmlResponse(c, error.status, body);
}
