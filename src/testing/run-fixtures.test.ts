import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEvent } from '../event/index.js';
import { readFixtureEvent } from './fixture-files.js';
import { closeSharedRuntime } from './invoke.js';
import { runFixtures, type FixtureTestApi } from './run-fixtures.js';

afterAll(closeSharedRuntime);

const root = mkdtempSync(join(tmpdir(), 'edge-dev-fixtures-'));
const handler = join(root, 'rewrite.mjs');
writeFileSync(handler, "export const handler = async (event) => { const r = event.Records[0].cf.request; r.uri = '/v2' + r.uri; return r; };\n");

function folder(name: string, files: Record<string, unknown>): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}

/** Records what runFixtures registers, then runs each registered test with Vitest's real expect. */
function collect(): { api: FixtureTestApi; titles: string[]; tests: Map<string, () => Promise<void>> } {
  const titles: string[] = [];
  const tests = new Map<string, () => Promise<void>>();
  const api: FixtureTestApi = {
    describe: (name, factory) => {
      titles.push(name);
      factory();
    },
    it: (name, test) => tests.set(name, test),
    expect,
  };
  return { api, titles, tests };
}

describe('runFixtures', () => {
  it("accepts Vitest's own describe, it and expect (type-checked by tsc)", () => {
    const vitestApi: FixtureTestApi = { describe, it, expect };
    expect(typeof vitestApi.it).toBe('function');
  });

  it('registers one test per *.event.json, named after the file, in name order', () => {
    const dir = folder('names', {
      'b.event.json': { eventType: 'viewer-request' },
      'b.expected.json': {},
      'a.event.json': { eventType: 'viewer-request' },
      'a.expected.json': {},
      'notes.json': {},
    });
    const { api, titles, tests } = collect();
    runFixtures(dir, handler, api, { title: 'my fixtures' });
    expect(titles).toEqual(['my fixtures']);
    expect([...tests.keys()]).toEqual(['a', 'b']);
  });

  it('passes when the result matches the expected file partially, and fails when it does not', async () => {
    const dir = folder('match', {
      'good.event.json': { eventType: 'viewer-request', uri: '/page' },
      'good.expected.json': { ok: true, request: { uri: '/v2/page' } },
      'bad.event.json': { eventType: 'viewer-request', uri: '/page' },
      'bad.expected.json': { ok: true, request: { uri: '/page' } },
    });
    const { api, tests } = collect();
    runFixtures(dir, handler, api);
    await tests.get('good')!();
    await expect(tests.get('bad')!()).rejects.toThrow(/match object/);
  });

  it('accepts a complete CloudFront event as the event file', async () => {
    const dir = folder('full', {
      'full.event.json': buildEvent('viewer-request', { uri: '/x' }),
      'full.expected.json': { ok: true, eventType: 'viewer-request', request: { uri: '/v2/x' } },
    });
    const { api, tests } = collect();
    runFixtures(dir, handler, api);
    await tests.get('full')!();
  });

  it('refuses a missing or empty folder at once, naming it', () => {
    const { api } = collect();
    expect(() => runFixtures(join(root, 'nope'), handler, api)).toThrow(/nope: is not a directory/);
    const empty = folder('empty', {});
    expect(() => runFixtures(empty, handler, api)).toThrow(/has no \*\.event\.json files: add <name>\.event\.json/);
  });

  it('fails the one test whose expected file is missing or not JSON, naming the file', async () => {
    const dir = folder('broken', {
      'lonely.event.json': { eventType: 'viewer-request' },
      'garbled.event.json': { eventType: 'viewer-request' },
      'garbled.expected.json': '{ "ok": tru',
    });
    const { api, tests } = collect();
    runFixtures(dir, handler, api);
    await expect(tests.get('lonely')!()).rejects.toThrow(/lonely\.expected\.json: cannot be read/);
    await expect(tests.get('garbled')!()).rejects.toThrow(/garbled\.expected\.json: is not valid JSON/);
  });

  it('names the file and field of a bad event shorthand', () => {
    const dir = folder('bad-events', {
      'type.event.json': { eventType: 'viewer-requests' },
      'uri.event.json': { eventType: 'viewer-request', uri: 'no-slash' },
      'records.event.json': { Records: [{ cf: { config: {} } }] },
    });
    expect(() => readFixtureEvent(join(dir, 'type.event.json'))).toThrow(/type\.event\.json: eventType: is "viewer-requests": use one of viewer-request/);
    expect(() => readFixtureEvent(join(dir, 'uri.event.json'))).toThrow(/uri\.event\.json: uri: expected a path starting with "\/"/);
    expect(() => readFixtureEvent(join(dir, 'records.event.json'))).toThrow(/records\.event\.json: Records\[0\]\.cf\.config\.eventType: must be one of/);
  });
});
