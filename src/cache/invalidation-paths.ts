/** §4: an invalidation path holds at most 4,000 characters. */
export const MAX_INVALIDATION_PATH_LENGTH = 4000;

/** A set of invalidation paths compiled for one pass over the cache. */
export interface InvalidationMatcher {
  /** `/*`: everything. */
  all: boolean;
  exact: ReadonlySet<string>;
  prefixes: readonly string[];
}

/**
 * §5.11, dg:invalidation-specifying-objects: why a path cannot be invalidated, or undefined when it can. A path starts
 * with `/`, holds at most 4,000 characters, and may have one `*` only as its last character ("You can't use a
 * wildcard within the path; only at the end of the path").
 */
export function invalidationPathProblem(path: unknown): string | undefined {
  if (typeof path !== 'string' || !path.startsWith('/')) return 'a path must start with "/"';
  if (path.length > MAX_INVALIDATION_PATH_LENGTH) {
    return `${path.length} characters; a path may hold at most ${MAX_INVALIDATION_PATH_LENGTH}`;
  }
  const star = path.indexOf('*');
  if (star !== -1 && star !== path.length - 1) return 'a * is allowed only as the last character';
  return undefined;
}

/**
 * §5.11: paths are case-sensitive; a `*` at the end matches zero or more characters (query included); `/*` clears
 * everything. An exact path matches only the same path and query (`/a.jpg` does not remove `/a.jpg?v=2`).
 * Throws a RangeError naming the path and the problem; the control API refuses such paths before they get here.
 */
export function compileInvalidationPaths(paths: readonly string[]): InvalidationMatcher {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  let all = false;
  paths.forEach((path, i) => {
    const problem = invalidationPathProblem(path);
    if (problem !== undefined) throw new RangeError(`invalidation Paths.Items[${i}] ${JSON.stringify(path.slice(0, 100))}: ${problem}`);
    if (path === '/*') all = true;
    else if (path.endsWith('*')) prefixes.push(path.slice(0, -1));
    else exact.add(path);
  });
  return { all, exact, prefixes };
}

/** Whether `invalidationPath` (the entry's request path and query) is removed by `m`. */
export function matchesInvalidation(m: InvalidationMatcher, invalidationPath: string): boolean {
  if (m.all || m.exact.has(invalidationPath)) return true;
  for (const prefix of m.prefixes) if (invalidationPath.startsWith(prefix)) return true;
  return false;
}
