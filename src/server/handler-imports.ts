import { extname, resolve } from 'node:path';

/** What reload needs to know of the handlers: every local file they load, and why any cannot be loaded. */
export interface HandlerSources {
  files: string[];
  errors: string[];
}

// Python handlers are not bundled: the file itself is what is watched.
const BUNDLED = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.jsx', '.tsx']);

/**
 * Issue 12: the local files each handler imports, found by esbuild's bundler (packages stay external), so an edit to
 * a helper module reloads the handler too; a handler that no longer compiles is reported with file, line and column
 * at reload time instead of failing on the next request. esbuild loads only here, after the server listens.
 */
export async function handlerSources(modulePaths: readonly string[]): Promise<HandlerSources> {
  const { build } = await import('esbuild');
  const files = new Set<string>(modulePaths);
  const errors: string[] = [];
  for (const modulePath of modulePaths) {
    if (!BUNDLED.has(extname(modulePath))) continue;
    try {
      const result = await build({
        entryPoints: [modulePath],
        bundle: true,
        write: false,
        metafile: true,
        packages: 'external',
        platform: 'node',
        format: 'esm',
        logLevel: 'silent',
        absWorkingDir: process.cwd(),
      });
      for (const input of Object.keys(result.metafile!.inputs)) files.add(resolve(process.cwd(), input));
    } catch (error) {
      const failures = (error as { errors?: { text: string; location?: { file: string; line: number; column: number } }[] }).errors ?? [];
      for (const failure of failures) {
        const at = failure.location ? `${resolve(process.cwd(), failure.location.file)}:${failure.location.line}:${failure.location.column + 1}` : modulePath;
        errors.push(`${at}: ${failure.text}`);
      }
      if (failures.length === 0) errors.push(`${modulePath}: ${(error as Error).message}`);
    }
  }
  return { files: [...files], errors };
}
