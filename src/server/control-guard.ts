import type { Context, Next } from 'hono';
import { apiErrorResponse } from './api-error.js';

const LOOPBACK_HOST = /^(?:localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(?::\d{1,5})?$/i;

/**
 * Issue 15 (interface.md › Viewer hosts): the control API drives the local edge (invalidations, invocations), so a
 * web page the developer visits must not reach it. Loopback `Host` only (DNS rebinding: vite's CVE-2025-24010), and
 * nothing a browser sent from another origin (a simple cross-site POST needs no preflight). Refused before any work.
 */
export async function guardControlApi(c: Context, next: Next): Promise<Response | void> {
  const host = c.req.header('host') ?? '';
  if (!LOOPBACK_HOST.test(host)) return refuse(c, `the control API answers loopback hosts only, not "${host}"`);
  const origin = c.req.header('origin');
  if (origin !== undefined && origin.toLowerCase() !== `http://${host.toLowerCase()}`) {
    return refuse(c, `a browser sent this request from ${origin}; the control API takes none from other sites`);
  }
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return refuse(c, `a browser sent this request from a ${site} page; the control API takes none from other sites`);
  }
  await next();
}

function refuse(c: Context, why: string): Response {
  return apiErrorResponse(c, { status: 403, code: 'AccessDenied', message: `Access denied: ${why}.` });
}
