/**
 * CloudFront Functions in tests: an event builder and `invokeFunction`, through the same runtime and validation as
 * `edge-dev serve` (reference §9).
 */
import { basename, extname } from 'node:path';
import { checkOptionKeys, ConfigError } from '../event/index.js';
import type { EventOptions } from '../event/index.js';
import { cloudFrontFunctionEvent, readKeyValueStore, testFunction } from '../functions/index.js';
import type { FunctionEvent, FunctionRuntimeName, FunctionTestResult } from '../functions/index.js';
import { buildCloudFrontFunctionSpec, rootLocation } from '../config/index.js';
import { listFixtures, readExpected, readJson, toPath } from './fixture-files.js';
import type { FixtureTestApi } from './run-fixtures.js';

export interface InvokeFunctionOptions {
  /** Default `cloudfront-js-2.0`. */
  runtime?: FunctionRuntimeName;
  /** The key value store: key → value. */
  keyValueStore?: Record<string, string>;
}

/**
 * Runs a CloudFront Function file on an event as `serve` and TestFunction do. Throws ConfigError for what `serve` refuses
 * in the config (code over 10 KB, a key value store on cloudfront-js-1.0) and FunctionCodeError when the code would not
 * publish (syntax, handler); never for a run's faults:
 * they come back in `error` (FunctionExecutionError, FunctionValidationError, FunctionThrottledError); `output` holds
 * the returned `request` or `response`.
 */
export function invokeFunction(code: string | URL, event: FunctionEvent, options: InvokeFunctionOptions = {}): FunctionTestResult {
  checkOptionKeys(options, ['runtime', 'keyValueStore'], 'invokeFunction() options');
  const codePath = toPath(code);
  const store = options.keyValueStore;
  const spec = buildCloudFrontFunctionSpec({
    name: basename(codePath, extname(codePath)),
    runtime: options.runtime ?? 'cloudfront-js-2.0',
    codePath,
    codeLoc: rootLocation('invokeFunction()', 'code'),
    keyValueStore: store === undefined ? undefined : {
      loc: rootLocation('invokeFunction() options', 'keyValueStore'),
      read: () => readKeyValueStore({ data: Object.entries(store).map(([key, value]) => ({ key, value })) }, `${codePath}.kvs.json`),
    },
  });
  return testFunction(spec, event);
}

/** A fixture event file: a whole CloudFront Functions event, or `{ eventType, ...EventOptions }` shorthand. */
function readFunctionFixture(file: string): FunctionEvent {
  const json = readJson(file, 'the fixture event') as Record<string, unknown>;
  if (json.version === '1.0') return json as unknown as FunctionEvent;
  const { eventType, ...options } = json;
  if (eventType !== 'viewer-request' && eventType !== 'viewer-response') {
    throw new ConfigError(file, 'eventType', 'give "viewer-request" or "viewer-response" (CloudFront Functions run on viewer events only)');
  }
  return cloudFrontFunctionEvent(eventType, options as EventOptions);
}

/**
 * One test per `<name>.event.json` + `<name>.expected.json` pair of a folder: the function must succeed and its
 * output (`{ request }` or `{ response }`) must match the expected object.
 */
export function runFunctionFixtures(dir: string | URL, code: string | URL, api: FixtureTestApi, options: InvokeFunctionOptions = {}): void {
  const fixtures = listFixtures(dir);
  api.describe(`${basename(toPath(code))} fixtures`, () => {
    for (const fixture of fixtures) {
      api.it(fixture.name, async () => {
        const result = invokeFunction(code, readFunctionFixture(fixture.eventFile), options);
        api.expect({ error: result.error?.detail ?? result.error?.message }).toMatchObject({ error: undefined });
        api.expect(result.output).toMatchObject(readExpected(fixture.expectedFile));
      });
    }
  });
}
