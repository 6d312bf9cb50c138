import type { CfHeaders } from './types.js';

interface Cookie {
  name: string;
  pair: string;
}

function byName(a: Cookie, b: Cookie): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * §5.1 (dg:Cookies): the `name=value` pairs of every `Cookie` line whose name `keep` accepts, sorted by name
 * (case-sensitive; stable for repeated names), names trimmed. One walker for the cache key and the origin request,
 * so both see the same cookies; `context` spares the hot path a closure per request.
 */
export function sortedCookiePairs<T>(headers: CfHeaders, keep: (context: T, name: string) => boolean, context: T): string[] {
  const lines = headers['cookie'];
  if (lines === undefined || lines.length === 0) return [];
  const kept: Cookie[] = [];
  for (const line of lines) {
    const value = line.value;
    let start = 0;
    while (start < value.length) {
      let end = value.indexOf(';', start);
      if (end === -1) end = value.length;
      const pair = value.slice(start, end).trim();
      if (pair !== '') {
        const eq = pair.indexOf('=');
        const name = eq === -1 ? pair : pair.slice(0, eq).trim();
        if (keep(context, name)) kept.push({ name, pair });
      }
      start = end + 1;
    }
  }
  kept.sort(byName);
  return kept.map((cookie) => cookie.pair);
}
