import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEvent, checkOptionKeys, ConfigError, LAMBDA_EVENT_TYPES } from '../event/index.js';
import { INVOKE_RESULT_KEYS } from './invoke.js';
import type { CfEvent, EventOptions, LambdaEventType } from '../event/index.js';

const EVENT_SUFFIX = '.event.json';
const EXPECTED_SUFFIX = '.expected.json';

/** One fixture: `<name>.event.json` and its `<name>.expected.json` beside it. */
export interface FixturePair {
  name: string;
  eventFile: string;
  expectedFile: string;
}

export function toPath(location: string | URL): string {
  if (location instanceof URL) return fileURLToPath(location);
  return location.startsWith('file:') ? fileURLToPath(location) : resolve(location);
}

/** The fixtures of a folder in name order; an empty or missing folder is an error, so a wrong path cannot pass. */
export function listFixtures(dir: string | URL): FixturePair[] {
  const root = toPath(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new ConfigError(root, '', 'is not a directory: pass the fixtures folder, e.g. new URL(\'./fixtures/\', import.meta.url).');
  }
  const names = readdirSync(root)
    .filter((file) => file.endsWith(EVENT_SUFFIX))
    .map((file) => file.slice(0, -EVENT_SUFFIX.length))
    .sort();
  if (names.length === 0) {
    throw new ConfigError(root, '', `has no *${EVENT_SUFFIX} files: add <name>${EVENT_SUFFIX} with <name>${EXPECTED_SUFFIX} beside it.`);
  }
  return names.map((name) => ({ name, eventFile: join(root, name + EVENT_SUFFIX), expectedFile: join(root, name + EXPECTED_SUFFIX) }));
}

export function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(file, '', `cannot be read: create the ${what} next to the event file.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError(file, '', `is not valid JSON (${(error as Error).message}): fix the ${what}.`);
  }
}

/**
 * A fixture event is either a complete CloudFront event (`{ "Records": [...] }`, e.g. from `edge-dev event`) or a
 * shorthand `{ "eventType": "viewer-request", "uri": "/admin", "headers": { ... } }` built with `buildEvent`.
 */
export function readFixtureEvent(location: string | URL): CfEvent {
  const file = toPath(location);
  const json = readJson(file, 'event');
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ConfigError(file, '', 'must be a JSON object: a CloudFront event ({ "Records": [...] }) or { "eventType": "viewer-request", "uri": "/" }.');
  }
  if ('Records' in json) {
    const eventType = (json as CfEvent).Records?.[0]?.cf?.config?.eventType;
    if (!LAMBDA_EVENT_TYPES.includes(eventType)) {
      throw new ConfigError(file, 'Records[0].cf.config.eventType', `must be one of ${LAMBDA_EVENT_TYPES.join(', ')}.`);
    }
    return json as CfEvent;
  }
  const { eventType, ...options } = json as EventOptions & { eventType?: unknown };
  if (!LAMBDA_EVENT_TYPES.includes(eventType as LambdaEventType)) {
    throw new ConfigError(file, 'eventType', `is ${JSON.stringify(eventType)}: use one of ${LAMBDA_EVENT_TYPES.join(', ')}, or give a full event with "Records".`);
  }
  try {
    return buildEvent(eventType as LambdaEventType, options);
  } catch (error) {
    // buildEvent names the option; the user needs the file too.
    if (error instanceof ConfigError) {
      const prefix = `${error.file}: ${error.field ? `${error.field}: ` : ''}`;
      throw new ConfigError(file, error.field, error.message.slice(prefix.length));
    }
    throw error;
  }
}

/** The expected file: a partial InvokeResult, compared with `toMatchObject`. */
export function readExpected(file: string): Record<string, unknown> {
  const json = readJson(file, 'expected result (a partial InvokeResult, e.g. { "ok": true, "request": { "uri": "/" } })');
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ConfigError(file, '', 'must be a JSON object: a partial InvokeResult, e.g. { "ok": false, "error": { "kind": "LambdaValidationError" } }.');
  }
  checkOptionKeys(json, INVOKE_RESULT_KEYS, file);
  return json as Record<string, unknown>;
}
