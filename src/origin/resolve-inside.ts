import { lstat, readlink } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

export type Resolved = { kind: 'inside'; path: string } | { kind: 'missing' } | { kind: 'outside' };

// Linux's own limit on symlinks followed in one lookup (ELOOP).
const MAX_LINKS = 40;

/**
 * D11: follows `segments` below `root` (a real path) one component at a time, symlinks included, and refuses a link
 * whose target leaves the root before looking at the target. Checking after `realpath` would answer "missing" for
 * an outside target that does not exist and "outside" for one that does: an oracle for files beyond the directory.
 */
export async function resolveInside(root: string, segments: readonly string[]): Promise<Resolved> {
  const pending = [...segments];
  let current = root;
  let links = 0;
  while (pending.length > 0) {
    const segment = pending.shift()!;
    if (segment === '' || segment === '.') continue;
    const next = segment === '..' ? dirname(current) : join(current, segment);
    if (!isInside(root, next)) return { kind: 'outside' };
    const info = await lstat(next).catch(() => undefined);
    if (info === undefined) return { kind: 'missing' };
    if (!info.isSymbolicLink()) {
      current = next;
      continue;
    }
    if (++links > MAX_LINKS) return { kind: 'missing' };
    const target = resolve(dirname(next), await readlink(next));
    if (!isInside(root, target)) return { kind: 'outside' };
    // Resolve the target from the root again: it may hold links of its own.
    pending.unshift(...relative(root, target).split(sep));
    current = root;
  }
  return { kind: 'inside', path: current };
}

function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root + sep);
}
