import { randomBytes } from 'node:crypto';
import type { HttpResponse } from '../event/types.js';

function escapeChar(ch: string): string {
  return `&#${ch.charCodeAt(0)};`;
}

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, escapeChar);
}

/** A fresh S3-style request id (16 upper-case hex characters). */
export function s3RequestId(): string {
  return randomBytes(8).toString('hex').toUpperCase();
}

/**
 * D11: an S3 REST error as S3 sends it: `application/xml` body `<Error><Code>…</Code><Message>…</Message>…`,
 * with `x-amz-request-id`; a HEAD gets the status and headers without a body, as S3 does.
 */
export function s3Error(
  status: number,
  statusDescription: string,
  code: string,
  message: string,
  details: Readonly<Record<string, string>>,
  head: boolean,
  extraHeaders?: Readonly<Record<string, string>>,
): HttpResponse {
  const requestId = s3RequestId();
  let xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message>`;
  for (const name in details) xml += `<${name}>${escapeXml(details[name]!)}</${name}>`;
  xml += `<RequestId>${requestId}</RequestId><HostId>${randomBytes(24).toString('base64')}</HostId></Error>`;
  const body = head ? Buffer.alloc(0) : Buffer.from(xml, 'utf8');
  const headers: HttpResponse['headers'] = {
    'x-amz-request-id': [{ key: 'x-amz-request-id', value: requestId }],
    'content-type': [{ key: 'Content-Type', value: 'application/xml' }],
  };
  if (extraHeaders !== undefined) {
    for (const name in extraHeaders) headers[name.toLowerCase()] = [{ key: name, value: extraHeaders[name]! }];
  }
  headers['date'] = [{ key: 'Date', value: new Date().toUTCString() }];
  headers['server'] = [{ key: 'Server', value: 'AmazonS3' }];
  if (!head) headers['content-length'] = [{ key: 'Content-Length', value: String(body.length) }];
  return { status, statusDescription, headers, body };
}
