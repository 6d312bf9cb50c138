import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * §8.2: the function's package root, what Lambda unpacks to `/var/task` (LAMBDA_TASK_ROOT, the working directory):
 * the nearest folder up from the handler that holds a package.json (or requirements.txt / pyproject.toml for
 * Python), else the handler's own folder.
 */
export function packageRoot(modulePath: string): string {
  const start = dirname(modulePath);
  for (let folder = start; ; folder = dirname(folder)) {
    if (PACKAGE_FILES.some((file) => existsSync(join(folder, file)))) return folder;
    if (dirname(folder) === folder) return start;
  }
}

const PACKAGE_FILES = ['package.json', 'requirements.txt', 'pyproject.toml'];
