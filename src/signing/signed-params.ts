import type { SignedParams } from './types.js';

// dg:private-content-signed-urls, dg:private-content-setting-signed-cookie-*: the names CloudFront reads.
const QUERY_NAMES: Record<string, keyof SignedParams> = {
  'Key-Pair-Id': 'keyPairId',
  Signature: 'signature',
  Expires: 'expires',
  Policy: 'policy',
  'Hash-Algorithm': 'hashAlgorithm',
};
const COOKIE_PREFIX = 'CloudFront-';

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The signing values of a request: from the query string when it has `Key-Pair-Id`, `Signature`, `Policy` or
 * `Expires`, else from the `CloudFront-*` cookies. `rest` is the query string without them: §5.1, CloudFront removes
 * them before the cache key and the origin request.
 */
export function readSignedParams(querystring: string, cookies: readonly string[]): { params: SignedParams; rest: string; fromQuery: boolean } {
  const params: SignedParams = {};
  const kept: string[] = [];
  let fromQuery = false;
  if (querystring !== '') {
    for (const pair of querystring.split('&')) {
      const eq = pair.indexOf('=');
      const field = QUERY_NAMES[eq === -1 ? pair : pair.slice(0, eq)];
      if (field === undefined) kept.push(pair);
      else {
        params[field] = decode(eq === -1 ? '' : pair.slice(eq + 1));
        if (field !== 'hashAlgorithm') fromQuery = true;
      }
    }
  }
  if (!fromQuery) {
    for (const line of cookies) {
      for (const part of line.split(';')) {
        const eq = part.indexOf('=');
        const name = part.slice(0, eq === -1 ? part.length : eq).trim();
        if (!name.startsWith(COOKIE_PREFIX)) continue;
        const field = QUERY_NAMES[name.slice(COOKIE_PREFIX.length)];
        if (field !== undefined) params[field] = eq === -1 ? '' : part.slice(eq + 1).trim();
      }
    }
  }
  return { params, rest: kept.join('&'), fromQuery };
}
