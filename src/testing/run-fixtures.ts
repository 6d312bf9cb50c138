import type { FunctionSpec } from '../runtime/index.js';
import { listFixtures, readExpected, readFixtureEvent, toPath } from './fixture-files.js';
import { invoke, type InvokeOptions } from './invoke.js';

/**
 * The test functions `runFixtures` registers with. Pass Vitest's own (`{ describe, it, expect }`), so this package
 * never imports Vitest at run time and your Vitest instance and config are used.
 */
export interface FixtureTestApi {
  describe: (name: string, factory: () => void) => unknown;
  it: (name: string, test: () => Promise<void>) => unknown;
  expect: (actual: unknown) => { toMatchObject: (expected: Record<string, unknown>) => unknown };
}

export interface RunFixturesOptions extends InvokeOptions {
  /** Title of the `describe` block (default: the handler's file name). */
  title?: string;
}

/**
 * One test per `<name>.event.json` in `dir`: invoke `handler` once with it, then `toMatchObject` the InvokeResult
 * against `<name>.expected.json`. Call it at the top level of a test file (it registers tests synchronously).
 *
 * @example
 * runFixtures(new URL('./fixtures/', import.meta.url), new URL('./auth.mjs', import.meta.url), { describe, it, expect });
 */
export function runFixtures(dir: string | URL, handler: string | URL | FunctionSpec, api: FixtureTestApi, options: RunFixturesOptions = {}): void {
  const fixtures = listFixtures(dir);
  const { title, ...invokeOptions } = options;
  const handlerName = typeof handler === 'object' && !(handler instanceof URL) ? handler.name : toPath(handler).split(/[\\/]/).pop();
  api.describe(title ?? `fixtures of ${handlerName}`, () => {
    for (const fixture of fixtures) {
      api.it(fixture.name, async () => {
        const expected = readExpected(fixture.expectedFile);
        const result = await invoke(handler, readFixtureEvent(fixture.eventFile), invokeOptions);
        api.expect(result).toMatchObject(expected);
      });
    }
  });
}
