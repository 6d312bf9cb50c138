import { fail, type JsonLocation } from './json-location.js';

const ALLOWED = /^[A-Za-z0-9_\-.*?$/~"'@:+&]*$/;
const MAX_LENGTH = 255;

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
}

/** RegExp source for CloudFront's wildcards: `*` any run of characters, `?` exactly one, everything else literal. */
export function wildcardSource(pattern: string): string {
  let source = '';
  for (const char of pattern) source += char === '*' ? '.*' : char === '?' ? '.' : escapeRegExp(char);
  return source;
}

/**
 * §7.1: compiles a PathPattern once. `*` is zero or more characters (including `/`), `?` exactly one;
 * case-sensitive; a leading `/` is optional; `&amp;` is how the API stores `&`. An exact compare when there is
 * no wildcard, `startsWith` for a single trailing `*`, a RegExp only for inner wildcards.
 */
export function compilePathPattern(pattern: string, loc: JsonLocation): (path: string) => boolean {
  const text = pattern.replaceAll('&amp;', '&');
  if (text.length === 0 || text.length > MAX_LENGTH) {
    fail(loc, `must be 1 to ${MAX_LENGTH} characters, like "/images/*" or "*.jpg" (reference §7.1).`);
  }
  if (!ALLOWED.test(text)) {
    fail(loc, `${JSON.stringify(pattern)} has a character CloudFront does not allow; use only A-Z a-z 0-9 _ - . * ? $ / ~ " ' @ : + & (reference §7.1).`);
  }
  const normalized = text.startsWith('/') || text.startsWith('*') ? text : `/${text}`;
  if (normalized === '*' || normalized === '/*' || /^\*+$/.test(normalized)) {
    // `/*` still requires the path to start with `/`, which every viewer path does.
    return matchAll;
  }
  const firstWildcard = normalized.search(/[*?]/);
  if (firstWildcard === -1) return (path) => path === normalized;
  if (firstWildcard === normalized.length - 1 && normalized.endsWith('*')) {
    const prefix = normalized.slice(0, -1);
    return (path) => path.startsWith(prefix);
  }
  // A leading `*` can match without the `/`, so `*.jpg` matches `/a/b.jpg`.
  const regexp = new RegExp(`^${wildcardSource(normalized)}$`, 's');
  return (path) => regexp.test(path);
}

function matchAll(): boolean {
  return true;
}
