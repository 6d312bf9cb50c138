import { dirname, resolve } from 'node:path';
import { watch } from 'chokidar';
import type { FSWatcher } from 'chokidar';

/** A set of watched files whose changes arrive together, once the burst of events from one save is over. */
export interface FileWatch {
  /** Resolves once the watch is in place: saves before then would be missed. */
  ready: Promise<void>;
  /** Watch exactly these files from now on. */
  set(files: readonly string[]): void;
  close(): Promise<void>;
}

const SETTLE_MS = 50;

/**
 * Issue 12: files are watched through their folders, by path, not by inode: an editor's atomic save (write a
 * temporary file, rename it over the original) or `sed -i` replaces the inode, and a watch on the file itself would
 * follow the old one and go quiet (chokidar, one level deep per folder).
 */
export function watchFiles(files: readonly string[], changed: (paths: string[]) => void): FileWatch {
  let wanted = new Set(files.map((file) => resolve(file)));
  let folders = foldersOf(wanted);
  const watcher: FSWatcher = watch([...folders], { ignoreInitial: true, depth: 0 });
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', (event, path) => {
    if (event !== 'change' && event !== 'add' && event !== 'unlink') return;
    const file = resolve(path);
    if (!wanted.has(file)) return;
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...pending];
      pending.clear();
      changed(paths);
    }, SETTLE_MS);
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    set(next) {
      wanted = new Set(next.map((file) => resolve(file)));
      const nextFolders = foldersOf(wanted);
      const added = [...nextFolders].filter((folder) => !folders.has(folder));
      const removed = [...folders].filter((folder) => !nextFolders.has(folder));
      if (added.length > 0) watcher.add(added);
      if (removed.length > 0) watcher.unwatch(removed);
      folders = nextFolders;
    },
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}

function foldersOf(files: ReadonlySet<string>): Set<string> {
  return new Set([...files].map((file) => dirname(file)));
}
