// `edge-dev/testing` fixture run (own process): 1000 event/expected pairs written to a temp dir, then timed from
// runFixtures() to the last assertion, tests run one after another as Vitest runs the tests of one file.
// Prints one JSON line. argv[2]: JSON { events }.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR, REPO_DIR } from '../lib/edge-config.js';

const { events } = JSON.parse(process.argv[2]);
const HANDLER = join(BENCH_DIR, 'fixtures', 'handlers', 'viewer-request.mjs');

const dir = mkdtempSync(join(tmpdir(), 'edge-dev-bench-fixtures-'));
for (let i = 0; i < events; i++) {
  const name = `event-${String(i).padStart(4, '0')}`;
  const uri = i % 2 === 0 ? `/items/${i}/` : `/items/${i}.json`;
  writeFileSync(join(dir, `${name}.event.json`), JSON.stringify({ eventType: 'viewer-request', uri, headers: { 'user-agent': 'bench' } }));
  const expectedUri = uri.endsWith('/') ? `${uri}index.html` : uri;
  writeFileSync(
    join(dir, `${name}.expected.json`),
    JSON.stringify({ ok: true, request: { uri: expectedUri, headers: { 'x-bench-viewer': [{ key: 'X-Bench-Viewer', value: '1' }] } } }),
  );
}

/** Vitest's toMatchObject, for plain JSON: every expected key present with a matching value. */
function matches(actual, expected) {
  if (expected === null || typeof expected !== 'object') return isDeepStrictEqual(actual, expected);
  if (actual === null || typeof actual !== 'object') return false;
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matches(actual[i], e));
  return Object.keys(expected).every((key) => matches(actual[key], expected[key]));
}

const tests = [];
const api = {
  describe: (_name, factory) => factory(),
  it: (name, test) => tests.push({ name, test }),
  expect: (actual) => ({
    toMatchObject(expected) {
      if (!matches(actual, expected)) throw new Error(`does not match: ${JSON.stringify(actual).slice(0, 300)}`);
    },
  }),
};

const testing = await import(pathToFileURL(join(REPO_DIR, 'dist', 'testing', 'index.js')).href);
const start = performance.now();
testing.runFixtures(dir, HANDLER, api);
let failed = 0;
let firstFailure = '';
for (const { name, test } of tests) {
  try {
    await test();
  } catch (error) {
    failed++;
    firstFailure ||= `${name}: ${error.message}`;
  }
}
const elapsed = performance.now() - start;
await testing.closeSharedRuntime();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ ms: elapsed, tests: tests.length, failed, firstFailure })}\n`);
process.exit(0);
