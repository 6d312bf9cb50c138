import { startOrigin } from './origin-server.js';
import type { SeenRequest, TestOrigin } from './origin-server.js';

/** What the scripted origin answers for one path; `destroy` closes the connection without a response. */
export interface Script {
  status?: number;
  headers?: Record<string, string | string[]>;
  body?: string;
  destroy?: boolean;
  /** Answer only after this many milliseconds (to hold requests in flight). */
  delayMs?: number;
}

export interface ScriptedOrigin extends TestOrigin {
  /** Path (without query) → answer; changeable between requests. Unknown paths get 200 `max-age=300`. */
  scripts: Map<string, Script>;
  /** Requests that reached the origin for a path (query ignored). */
  hits(path: string): SeenRequest[];
}

/** An origin whose answers tests set per path; every body ends with the request's number for that path (`#n`). */
export async function startScriptedOrigin(): Promise<ScriptedOrigin> {
  const scripts = new Map<string, Script>();
  const counts = new Map<string, number>();
  const origin = await startOrigin((req, res) => {
    const path = req.url.split('?')[0]!;
    const n = (counts.get(path) ?? 0) + 1;
    counts.set(path, n);
    const script = scripts.get(path) ?? { headers: { 'cache-control': 'max-age=300' } };
    if (script.destroy) {
      res.socket?.destroy();
      return;
    }
    const answer = () => {
      res.writeHead(script.status ?? 200, { 'content-type': 'text/plain', ...script.headers });
      res.end(`${script.body ?? path} #${n}`);
    };
    if (script.delayMs) setTimeout(answer, script.delayMs);
    else answer();
  });
  return { ...origin, scripts, hits: (path) => origin.requests.filter((r) => r.url.split('?')[0] === path) };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A custom cache policy in the API's CachePolicyConfig shape. */
export function cachePolicy(
  ttl: { min: number; default: number; max: number },
  key: {
    headers?: string[];
    cookies?: string[] | 'all';
    queryStrings?: string[] | 'all';
    gzip?: boolean;
    br?: boolean;
  } = {},
): Record<string, unknown> {
  const names = (items: string[]) => ({ Quantity: items.length, Items: items });
  return {
    MinTTL: ttl.min,
    DefaultTTL: ttl.default,
    MaxTTL: ttl.max,
    ParametersInCacheKeyAndForwardedToOrigin: {
      EnableAcceptEncodingGzip: key.gzip ?? false,
      EnableAcceptEncodingBrotli: key.br ?? false,
      HeadersConfig: key.headers ? { HeaderBehavior: 'whitelist', Headers: names(key.headers) } : { HeaderBehavior: 'none' },
      CookiesConfig:
        key.cookies === 'all'
          ? { CookieBehavior: 'all' }
          : key.cookies
            ? { CookieBehavior: 'whitelist', Cookies: names(key.cookies) }
            : { CookieBehavior: 'none' },
      QueryStringsConfig:
        key.queryStrings === 'all'
          ? { QueryStringBehavior: 'all' }
          : key.queryStrings
            ? { QueryStringBehavior: 'whitelist', QueryStrings: names(key.queryStrings) }
            : { QueryStringBehavior: 'none' },
    },
  };
}
