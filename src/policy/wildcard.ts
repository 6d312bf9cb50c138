/**
 * IAM wildcards (`*` any run, including `:`; `?` one character) as small automata, so the check can answer
 * "does P match this string", "does P match every string Q matches" (§10.4 containment) and
 * "can P and Q match a common string" (a Deny that may hit part of a pattern). Results are cached per pair.
 */

const STAR = 42; // '*'
const QUESTION = 63; // '?'
/** Stands for every character that appears literally in neither pattern. */
const OTHER = -1;

export function hasWildcard(value: string): boolean {
  return value.includes('*') || value.includes('?');
}

const matchCache = new Map<string, RegExp>();

function toRegExp(pattern: string): RegExp {
  let re = matchCache.get(pattern);
  if (re === undefined) {
    let source = '^';
    for (const ch of pattern) {
      if (ch === '*') source += '[\\s\\S]*';
      else if (ch === '?') source += '[\\s\\S]';
      else source += ch.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
    }
    re = new RegExp(`${source}$`);
    matchCache.set(pattern, re);
  }
  return re;
}

/** §10.7 items 3–4: does the wildcard `pattern` match the literal `value`? Callers lower-case both for actions. */
export function globMatches(pattern: string, value: string): boolean {
  if (!hasWildcard(pattern)) return pattern === value;
  if (pattern === '*') return true;
  return toRegExp(pattern).test(value);
}

function closure(pattern: string, states: Set<number>): Set<number> {
  for (const s of [...states]) {
    let i = s;
    while (i < pattern.length && pattern.charCodeAt(i) === STAR) {
      i++;
      states.add(i);
    }
  }
  return states;
}

function start(pattern: string): Set<number> {
  return closure(pattern, new Set([0]));
}

function step(pattern: string, states: Set<number>, ch: number): Set<number> {
  const next = new Set<number>();
  for (const i of states) {
    if (i >= pattern.length) continue;
    const p = pattern.charCodeAt(i);
    if (p === STAR) next.add(i);
    else if (p === QUESTION || p === ch) next.add(i + 1);
  }
  return closure(pattern, next);
}

function alphabet(a: string, b: string): number[] {
  const chars = new Set<number>([OTHER]);
  for (const s of [a, b]) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c !== STAR && c !== QUESTION) chars.add(c);
    }
  }
  return [...chars];
}

function key(a: Set<number>, b: Set<number>): string {
  return `${[...a].sort((x, y) => x - y).join(',')}|${[...b].sort((x, y) => x - y).join(',')}`;
}

/** Explores pairs of automaton states; `visit` returns true to stop with `true`. */
function explore(
  a: string,
  b: string,
  visit: (sa: Set<number>, sb: Set<number>) => boolean,
  keepGoing: (sa: Set<number>, sb: Set<number>) => boolean,
): boolean {
  const sigma = alphabet(a, b);
  const queue: [Set<number>, Set<number>][] = [[start(a), start(b)]];
  const seen = new Set<string>([key(queue[0]![0], queue[0]![1])]);
  while (queue.length > 0) {
    const [sa, sb] = queue.shift()!;
    if (visit(sa, sb)) return true;
    for (const ch of sigma) {
      const na = step(a, sa, ch);
      const nb = step(b, sb, ch);
      if (!keepGoing(na, nb)) continue;
      const k = key(na, nb);
      if (!seen.has(k)) {
        seen.add(k);
        queue.push([na, nb]);
      }
    }
  }
  return false;
}

/** The X of a pattern `X*` whose X has no wildcard, else undefined. */
function trailingStarPrefix(pattern: string): string | undefined {
  const body = pattern.slice(0, -1);
  return pattern.endsWith('*') && !hasWildcard(body) ? body : undefined;
}

/** The characters before the first wildcard. */
function literalPrefix(pattern: string): string {
  let i = 0;
  while (i < pattern.length && pattern[i] !== '*' && pattern[i] !== '?') i++;
  return pattern.slice(0, i);
}

const coverCache = new Map<string, boolean>();
const intersectCache = new Map<string, boolean>();

/** §10.4: does `outer` match every string that `inner` matches? (`lambda:*` covers `lambda:enablereplication*`.) */
export function globCovers(outer: string, inner: string): boolean {
  if (outer === '*') return true;
  if (!hasWildcard(inner)) return globMatches(outer, inner);
  // A literal matches one string, never all strings of a wildcard pattern.
  if (!hasWildcard(outer)) return false;
  // `X*` covers exactly the patterns whose leading literal run starts with X.
  const prefix = trailingStarPrefix(outer);
  if (prefix !== undefined) return literalPrefix(inner).startsWith(prefix);
  const k = `${outer}\u0000${inner}`;
  let result = coverCache.get(k);
  if (result === undefined) {
    // A counterexample is a string `inner` accepts and `outer` rejects.
    const counter = explore(
      inner,
      outer,
      (si, so) => si.has(inner.length) && !so.has(outer.length),
      (si) => si.size > 0,
    );
    result = !counter;
    coverCache.set(k, result);
  }
  return result;
}

/** Can some string match both patterns? (A Deny on `lambda:*Replication*` hits part of `lambda:EnableReplication*`.) */
export function globIntersects(a: string, b: string): boolean {
  if (!hasWildcard(a)) return globMatches(b, a);
  if (!hasWildcard(b)) return globMatches(a, b);
  const pa = trailingStarPrefix(a);
  const pb = trailingStarPrefix(b);
  if (pa !== undefined && pb !== undefined) return pa.startsWith(pb) || pb.startsWith(pa);
  const k = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
  let result = intersectCache.get(k);
  if (result === undefined) {
    result = explore(
      a,
      b,
      (sa, sb) => sa.has(a.length) && sb.has(b.length),
      (sa, sb) => sa.size > 0 && sb.size > 0,
    );
    intersectCache.set(k, result);
  }
  return result;
}
