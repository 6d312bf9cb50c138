/**
 * §5.1: the parameters of `querystring` whose name `keep` accepts, in viewer order, joined with `&`. Names are
 * case-sensitive and compared as received; only `&` separates parameters; empty parameters are dropped. One walker
 * for the cache key and the origin request; `context` spares the hot path a closure per request.
 */
export function filterQueryString<T>(querystring: string, keep: (context: T, name: string) => boolean, context: T): string {
  let out = '';
  let start = 0;
  const n = querystring.length;
  while (start < n) {
    let end = querystring.indexOf('&', start);
    if (end === -1) end = n;
    if (end > start) {
      const eq = querystring.indexOf('=', start);
      const name = querystring.slice(start, eq === -1 || eq > end ? end : eq);
      if (keep(context, name)) out = out === '' ? querystring.slice(start, end) : `${out}&${querystring.slice(start, end)}`;
    }
    start = end + 1;
  }
  return out;
}
