import { relative } from 'node:path';
import type { LoadedConfig } from '../config/index.js';
import type { LambdaRuntime } from '../runtime/index.js';
import { handlerSources } from './handler-imports.js';
import { loadServeConfig, makeDeps } from './start-server.js';
import type { ServeOptions } from './start-server.js';
import type { EdgeHolder } from './types.js';
import { watchFiles } from './watch-files.js';

// Finding handlers' imports loads esbuild: after start-up, off the path to the first request.
const FIRST_SCAN_DELAY_MS = 1000;

/**
 * Issue 12: reload on every save of the config, the distribution JSON, a handler or any local file a handler imports.
 * A config or handler that does not load is reported at once (file, line, column) and the previous version keeps
 * serving. A handler change keeps the cache, as publishing a new function version does on CloudFront; a config
 * change empties it (keys and TTLs may differ).
 */
export async function startReloading(
  loaded: LoadedConfig,
  holder: EdgeHolder,
  options: ServeOptions,
  runtime: LambdaRuntime,
): Promise<{ close(): Promise<void> }> {
  const log = options.log;
  let configFiles = configFilesOf(loaded);
  // One reload at a time, in order; a failure is reported and the next change is still handled.
  let queue = Promise.resolve();
  const enqueue = (step: () => Promise<void>) => {
    queue = queue.then(step).catch((error: unknown) => log(`[reload] failed: ${(error as Error)?.stack ?? String(error)}`));
  };
  const watch = watchFiles(loaded.files, (paths) => enqueue(() => apply(paths)));
  const firstScan = setTimeout(() => {
    enqueue(async () => {
      const sources = await handlerSources(modulePathsOf(loaded, configFiles));
      for (const error of sources.errors) log(`[reload] ${error}`);
      watch.set([...loaded.files, ...sources.files]);
    });
  }, FIRST_SCAN_DELAY_MS).unref();

  async function apply(paths: string[]): Promise<void> {
    const changed = paths.map((path) => relative(process.cwd(), path) || path).join(', ');
    let next: LoadedConfig;
    try {
      next = await loadServeConfig(options);
    } catch (error) {
      log(`[reload] ${changed} changed: ${(error as Error).message}\n  still serving the previous configuration`);
      return;
    }
    const nextConfigFiles = configFilesOf(next);
    const sources = await handlerSources(modulePathsOf(next, nextConfigFiles));
    watch.set([...next.files, ...sources.files]);
    if (sources.errors.length > 0) {
      // Warm environments keep the code they loaded; a new one would load the broken file (a 503 for its request).
      log(`[reload] ${changed} changed, but a handler does not load:\n  ${sources.errors.join('\n  ')}\n  nothing reloaded: warm environments keep the previous code until the file is fixed`);
      return;
    }
    for (const warning of next.distribution.warnings) log(`[config warning] ${warning}`);
    const configChanged = paths.some((path) => configFiles.has(path) || nextConfigFiles.has(path));
    const previous = holder.deps;
    const settings = next.distribution.settings;
    const nextOptions = { ...previous.options, geo: settings?.geo, viewerProtocol: options.viewerProtocol ?? settings?.viewerProtocol ?? (options.https ? 'http' : 'https') };
    holder.deps = makeDeps(next, runtime, previous.cache, nextOptions);
    if (configChanged) previous.cache.clear();
    configFiles = nextConfigFiles;
    await runtime.reload();
    void previous.origins.close();
    log(`[reload] ${changed} changed: ${configChanged ? 'distribution reloaded, cache emptied' : 'handlers reloaded, cache kept'}`);
  }

  await watch.ready;
  return {
    async close() {
      clearTimeout(firstScan);
      await watch.close();
    },
  };
}

/** The config file and the distribution JSON: every file of a loaded config that is not a handler's code. */
function configFilesOf(loaded: LoadedConfig): Set<string> {
  const code = new Set(modulePathsOf(loaded, new Set()));
  return new Set(loaded.files.filter((file) => !code.has(file)));
}

function modulePathsOf(loaded: LoadedConfig, configFiles: ReadonlySet<string>): string[] {
  const specs = [...(loaded.distribution.functionsByKey?.values() ?? []), ...loaded.distribution.functions.values()];
  const paths = new Set(specs.map((spec) => spec.modulePath));
  return [...paths].filter((path) => !configFiles.has(path));
}
