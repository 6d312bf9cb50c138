import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// What edge-dev loads as a Node.js handler (config/compile-function-entry.ts), TypeScript sources included.
const EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts'];

/**
 * Lambda's `Handler` ("dir/file.export", lambda:nodejs-handler) found in a code directory: the module file with any
 * of edge-dev's extensions, as `/abs/dir/file.js#export`; undefined when no such file exists.
 */
export function findHandlerModule(codeDir: string, handler: string): string | undefined {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const base = resolve(codeDir, handler.slice(0, dot));
  for (const ext of EXTENSIONS) {
    const file = base + ext;
    if (existsSync(file) && statSync(file).isFile()) return `${file}#${handler.slice(dot + 1)}`;
  }
  return undefined;
}

/** Writes inline code (ZipFile, InlineCode, FunctionCode) as a file under `codeDir`; unchanged files are not rewritten, so watchers stay quiet. */
export function writeInlineCode(codeDir: string, relativePath: string, code: string): string {
  const file = join(codeDir, relativePath);
  if (existsSync(file) && readFileSync(file, 'utf8') === code) return file;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, code);
  return file;
}
