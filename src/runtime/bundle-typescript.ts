import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPESCRIPT = /\.[cm]?tsx?$/;

/** A handler module that cannot become JavaScript; `errorType` is Lambda's name for the failure. */
export class LoadFailure extends Error {
  constructor(
    readonly errorType: string,
    message: string,
  ) {
    super(message);
    this.name = 'LoadFailure';
  }
}

export function isTypeScript(modulePath: string): boolean {
  return TYPESCRIPT.test(modulePath);
}

export function typeScriptCacheDir(): string {
  return join(tmpdir(), 'edge-dev-ts');
}

/**
 * `.ts` handlers run without a build step: esbuild bundles them (with their imports) into a cache file named by
 * the bundle's content hash. Runs in the server, before the environment's Init. The bundle carries an inline
 * source map, so stack traces (node --enable-source-maps in the environment) point at the developer's `.ts` lines.
 */
export async function bundleTypeScript(sourcePath: string, cacheDir: string = typeScriptCacheDir()): Promise<string> {
  if (!existsSync(sourcePath)) {
    throw new LoadFailure(
      'Runtime.ImportModuleError',
      `${sourcePath} could not be loaded: the file does not exist. Check the handler path in the functions entry.`,
    );
  }
  const sourceUrl = JSON.stringify(pathToFileURL(sourcePath).href);
  // esbuild takes longer to load than the rest of the runtime: only when a `.ts` handler is first bundled.
  const { build } = await import('esbuild');
  let code: string;
  try {
    const result = await build({
      entryPoints: [sourcePath],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      sourcemap: 'inline',
      // The map's source paths are relative to the bundle's folder, where it will be written.
      outdir: cacheDir,
      // The bundle lives in the cache dir: paths and `require` must still mean the developer's file.
      define: {
        'import.meta.url': sourceUrl,
        __filename: JSON.stringify(sourcePath),
        __dirname: JSON.stringify(dirname(sourcePath)),
      },
      banner: {
        js: `import { createRequire as __edgeDevCreateRequire } from 'node:module';\nconst require = __edgeDevCreateRequire(${sourceUrl});`,
      },
    });
    code = result.outputFiles[0]!.text;
  } catch (error) {
    const errors = (error as { errors?: Array<{ text: string; location?: { file: string; line: number; column: number } | null }> })
      .errors;
    const first = errors?.[0];
    const where = first?.location ? `${first.location.file}:${first.location.line}:${first.location.column + 1}: ` : '';
    const text = first ? first.text : error instanceof Error ? error.message : String(error);
    const unresolved = text.startsWith('Could not resolve');
    throw new LoadFailure(
      unresolved ? 'Runtime.ImportModuleError' : 'Runtime.UserCodeSyntaxError',
      `${sourcePath} could not be compiled by esbuild: ${where}${text}. ` +
        (unresolved ? 'Install the package or fix the import path.' : 'Fix the TypeScript source.'),
    );
  }
  const hash = createHash('sha256').update(sourcePath).update('\0').update(code).digest('hex').slice(0, 32);
  const target = join(cacheDir, `${hash}.mjs`);
  if (!existsSync(target)) {
    await mkdir(cacheDir, { recursive: true });
    const partial = `${target}.${process.pid}.${hash.slice(0, 8)}.tmp`;
    await writeFile(partial, code);
    await rename(partial, target);
  }
  return target;
}
