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
 * §5.11: paths are case-sensitive and start with `/`; a `*` at the end matches zero or more
 * characters (query included), a `*` anywhere else is an ordinary character; `/*` clears everything.
 * An exact path matches only the same path and query (`/a.jpg` does not remove `/a.jpg?v=2`).
 * Throws a RangeError naming the path and the fix; the control API turns it into `InvalidArgument`.
 */
export function compileInvalidationPaths(paths: readonly string[]): InvalidationMatcher {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  let all = false;
  paths.forEach((path, i) => {
    if (typeof path !== 'string' || !path.startsWith('/')) {
      throw new RangeError(`invalidation Paths.Items[${i}] ${JSON.stringify(path)}: a path must start with "/"`);
    }
    if (path.length > MAX_INVALIDATION_PATH_LENGTH) {
      throw new RangeError(
        `invalidation Paths.Items[${i}]: ${path.length} characters; a path may hold at most ${MAX_INVALIDATION_PATH_LENGTH}`,
      );
    }
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
