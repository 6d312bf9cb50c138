import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const found = new Map<string, string | undefined>();

function onPath(name: string): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    if (folder !== '' && existsSync(join(folder, name))) return join(folder, name);
  }
  return undefined;
}

/**
 * The host's interpreter for a Lambda Python runtime (`python3.12` → `python3.12` on the developer's PATH, else
 * `python3`); undefined when there is none. Looked up once, with the server's environment: a pyenv or asdf shim
 * needs it, so the environment (which has Lambda's variables only) is started with the real executable.
 */
export function pythonInterpreter(runtime: string): string | undefined {
  if (!found.has(runtime)) found.set(runtime, realExecutable(onPath(runtime)) ?? realExecutable(onPath('python3')));
  return found.get(runtime);
}

function realExecutable(candidate: string | undefined): string | undefined {
  if (candidate === undefined) return undefined;
  try {
    return execFileSync(candidate, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function isPythonRuntime(runtime: string): boolean {
  return runtime.startsWith('python');
}
