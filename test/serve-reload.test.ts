import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrigin } from './helpers/origin-server.js';
import type { TestOrigin } from './helpers/origin-server.js';
import { arn, startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';
import { sleep } from './helpers/scripted-origin.js';

const handler = (version: string) => `export const handler = async () => ({ status: '200', body: '${version}' });`;

let origin: TestOrigin;
let edge: TestEdge;

beforeAll(async () => {
  origin = await startOrigin((req, res) => res.end(`origin ${req.url}`));
  edge = await startEdge({
    originMap: { origin: origin.url },
    handlers: { page: handler('v1') },
    behaviors: [{ path: '/page', lambdas: { 'viewer-request': arn('page') } }],
    watch: true,
  });
});

afterAll(async () => {
  await edge?.close();
  await origin?.close();
});

/**
 * Makes a change, then waits (bounded) for a `[reload]` log line after it that contains `expected`: the watcher
 * debounces and reloads asynchronously, and one write can fire more than one watch event.
 */
async function change(edit: () => void, expected: string): Promise<string> {
  const start = edge.logs.length;
  edit();
  for (let waited = 0; waited < 10_000; waited += 25) {
    const line = edge.logs.slice(start).find((l) => l.startsWith('[reload]') && l.includes(expected));
    if (line !== undefined) return line;
    await sleep(25);
  }
  throw new Error(`no reload logged with "${expected}"; logs:\n${edge.logs.slice(start).join('\n')}`);
}

describe('hot reload (serve with watch)', () => {
  it('editing a handler file takes effect on the next request', async () => {
    expect(await (await edge.get('/page')).text()).toBe('v1');
    await change(() => writeFileSync(join(edge.dir, 'page.mjs'), handler('v2')), 'handlers reloaded, cache kept');
    expect(await (await edge.get('/page')).text()).toBe('v2');
  });

  it('a broken config edit keeps serving the previous configuration and says why', async () => {
    const good = readFileSync(edge.configFile, 'utf8');
    const line = await change(
      () => writeFileSync(edge.configFile, good.replace('"distribution"', '"distribution" oops')),
      'still serving the previous configuration',
    );
    expect(line).toContain(edge.configFile);
    const response = await edge.get('/page');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('v2');
    expect(await (await edge.get('/other')).text()).toBe('origin /other');
  });

  it('a fixed config edit is picked up', async () => {
    const config = JSON.parse(readFileSync(edge.configFile, 'utf8').replace('"distribution" oops', '"distribution"')) as {
      distribution: { CacheBehaviors: { Items: { PathPattern: string }[] } };
    };
    config.distribution.CacheBehaviors.Items[0]!.PathPattern = '/moved';
    await change(() => writeFileSync(edge.configFile, JSON.stringify(config)), 'distribution reloaded');
    expect(await (await edge.get('/moved')).text()).toBe('v2');
    expect(await (await edge.get('/page')).text()).toBe('origin /page');
  });
});

/** An editor's save: write a temporary file, then rename it over the original (a new inode every time). */
function atomicSave(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

describe('issue 12: reload that never goes stale', () => {
  let reloadOrigin: TestOrigin;
  let reloadEdge: TestEdge;
  const uses = (version: string) => `import { greeting } from './lib/greeting.mjs';
export const handler = async (event) => { const r = event.Records[0].cf.response; r.headers['x-greeting'] = [{ key: 'X-Greeting', value: greeting + ' ${version}' }]; return r; };`;

  beforeAll(async () => {
    reloadOrigin = await startOrigin((req, res) => {
      res.writeHead(200, { 'cache-control': 'max-age=300' });
      res.end(`origin ${req.url} at ${reloadOrigin.requests.length}`);
    });
    reloadEdge = await startEdge({
      originMap: { origin: reloadOrigin.url },
      handlers: { ores: uses('v1') },
      defaultBehavior: { lambdas: { 'origin-response': arn('ores') } },
      watch: true,
    });
    mkdirSync(join(reloadEdge.dir, 'lib'));
    writeFileSync(join(reloadEdge.dir, 'lib', 'greeting.mjs'), `export const greeting = 'hello';`);
    // The handler was written before its import existed: edit it so the first scan sees the import.
    atomicSave(join(reloadEdge.dir, 'ores.mjs'), uses('v1'));
  });

  afterAll(async () => {
    await reloadEdge?.close();
    await reloadOrigin?.close();
  });

  async function until(condition: () => boolean): Promise<void> {
    for (let waited = 0; waited < 10_000 && !condition(); waited += 25) await sleep(25);
    expect(condition()).toBe(true);
  }
  const reloads = () => reloadEdge.logs.filter((line) => line.startsWith('[reload]')).length;

  it('every atomic save of a handler is seen, not just the first', async () => {
    for (const version of ['v2', 'v3', 'v4']) {
      const before = reloads();
      atomicSave(join(reloadEdge.dir, 'ores.mjs'), uses(version));
      await until(() => reloads() > before);
      expect((await reloadEdge.get(`/fresh-${version}`)).headers.get('x-greeting')).toBe(`hello ${version}`);
    }
  });

  it('a file the handler imports is watched too (atomic saves included)', async () => {
    // The first scan of handler imports runs about a second after start.
    await until(() => reloadEdge.logs.some((line) => line.includes('ores.mjs changed')) && Date.now() > 0);
    await sleep(1200);
    const before = reloads();
    atomicSave(join(reloadEdge.dir, 'lib', 'greeting.mjs'), `export const greeting = 'bonjour';`);
    await until(() => reloads() > before);
    expect(reloadEdge.logs.at(-1)).toMatch(/greeting\.mjs changed: handlers reloaded, cache kept/);
    expect((await reloadEdge.get('/fresh-import')).headers.get('x-greeting')).toBe('bonjour v4');
  });

  it('a handler edit keeps the cache, as a new function version does on CloudFront', async () => {
    const first = await reloadEdge.get('/cached');
    expect(first.headers.get('x-cache')).toBe('Miss from cloudfront');
    const before = reloads();
    atomicSave(join(reloadEdge.dir, 'ores.mjs'), uses('v5'));
    await until(() => reloads() > before);
    const again = await reloadEdge.get('/cached');
    expect([again.headers.get('x-cache'), await again.text()]).toEqual(['Hit from cloudfront', await first.text()]);
  });

  it('a handler that no longer compiles is reported at reload with file, line and column, not at the next request', async () => {
    const before = reloads();
    atomicSave(join(reloadEdge.dir, 'ores.mjs'), `export const handler = async (event => {\n  return event;\n};`);
    await until(() => reloads() > before);
    const line = reloadEdge.logs.filter((entry) => entry.startsWith('[reload]')).at(-1)!;
    expect(line).toContain('a handler does not load');
    expect(line).toMatch(/ores\.mjs:\d+:\d+: Expected/);
    expect(line).toContain('nothing reloaded');
    const fixed = reloads();
    atomicSave(join(reloadEdge.dir, 'ores.mjs'), uses('v6'));
    await until(() => reloads() > fixed && reloadEdge.logs.at(-1)!.includes('handlers reloaded'));
    expect((await reloadEdge.get('/after-fix')).headers.get('x-greeting')).toBe('bonjour v6');
  });

  it('a config typo made while serving is reported at reload (unknown key, unmapped origin)', async () => {
    const config = JSON.parse(readFileSync(reloadEdge.configFile, 'utf8')) as Record<string, unknown>;
    config.orgins = config.origins;
    delete config.origins;
    const before = reloadEdge.logs.length;
    atomicSave(reloadEdge.configFile, JSON.stringify(config));
    const reported = () => reloadEdge.logs.slice(before).join('\n');
    await until(() => /unknown key "orgins".*did you mean "origins"/.test(reported()) && /origin "origin" has no entry in `origins`/.test(reported()));
  });
});
