/**
 * The internal request and response (event/ shapes) as CloudFront Functions see them (dg:functions-event-structure):
 * headers as `{ value, multiValue? }` objects without `Cookie`/`Set-Cookie`, cookies and query string split out.
 */
import { stripDisallowedHeaders } from '../event/index.js';
import type { CfHeaders, CfRequest, HttpResponse } from '../event/index.js';
import type { FunctionContext, FunctionCookie, FunctionEvent, FunctionRequest, FunctionResponse, FunctionValueMap } from './types.js';

/** Appends a value under a name: the first is `value`, repeats add `multiValue` (which repeats the first). */
function add<T extends { value: string; multiValue?: object[] }>(map: Record<string, T>, name: string, entry: T): void {
  const existing = Object.hasOwn(map, name) ? map[name] : undefined;
  if (!existing) {
    Object.defineProperty(map, name, { value: entry, enumerable: true, writable: true, configurable: true });
    return;
  }
  const { multiValue: _ignored, ...first } = existing;
  existing.multiValue ??= [first];
  existing.multiValue.push(entry);
}

function headerMap(headers: CfHeaders, skip: string): FunctionValueMap {
  const out: FunctionValueMap = {};
  for (const name of Object.keys(headers)) {
    if (name === skip) continue;
    for (const { value } of headers[name]!) add(out, name, { value });
  }
  return out;
}

/** dg:functions-event-structure "querystring": one field per parameter, values as sent. */
export function queryStringMap(querystring: string): FunctionValueMap {
  const out: FunctionValueMap = {};
  if (querystring === '') return out;
  for (const part of querystring.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    add(out, eq === -1 ? part : part.slice(0, eq), { value: eq === -1 ? '' : part.slice(eq + 1) });
  }
  return out;
}

function requestCookies(headers: CfHeaders): FunctionValueMap {
  const out: FunctionValueMap = {};
  for (const { value } of headers['cookie'] ?? []) {
    for (const pair of value.split(';')) {
      const trimmed = pair.trim();
      if (trimmed === '') continue;
      const eq = trimmed.indexOf('=');
      add(out, eq === -1 ? trimmed : trimmed.slice(0, eq), { value: eq === -1 ? '' : trimmed.slice(eq + 1) });
    }
  }
  return out;
}

// dg:functions-event-structure "Cookie attributes": `Set-Cookie: a=1; Secure` → { value: "1", attributes: "Secure" }.
function responseCookies(headers: CfHeaders): Record<string, FunctionCookie> {
  const out: Record<string, FunctionCookie> = {};
  for (const { value } of headers['set-cookie'] ?? []) {
    const semi = value.indexOf(';');
    const pair = semi === -1 ? value : value.slice(0, semi);
    const eq = pair.indexOf('=');
    const cookie: FunctionCookie = { value: eq === -1 ? '' : pair.slice(eq + 1).trim() };
    if (semi !== -1) cookie.attributes = value.slice(semi + 1).trim();
    add(out, (eq === -1 ? pair : pair.slice(0, eq)).trim(), cookie);
  }
  return out;
}

export function functionRequestOf(request: CfRequest): FunctionRequest {
  return {
    method: request.method,
    uri: request.uri,
    querystring: queryStringMap(request.querystring),
    headers: headerMap(request.headers, 'cookie'),
    cookies: requestCookies(request.headers),
  };
}

export function functionResponseOf(response: HttpResponse): FunctionResponse {
  return {
    statusCode: response.status,
    statusDescription: response.statusDescription,
    // §3.2: disallowed headers are never shown to a function.
    headers: headerMap(stripDisallowedHeaders(response.headers), 'set-cookie'),
    cookies: responseCookies(response.headers),
  };
}

/** The whole event; `response` only for viewer-response. */
export function functionEvent(context: FunctionContext, viewerIp: string, request: FunctionRequest, response?: FunctionResponse): FunctionEvent {
  const event: FunctionEvent = { version: '1.0', context, viewer: { ip: viewerIp }, request };
  if (response) event.response = response;
  return event;
}
