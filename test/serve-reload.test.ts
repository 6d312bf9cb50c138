import { readFileSync, writeFileSync } from 'node:fs';
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
    await change(() => writeFileSync(join(edge.dir, 'page.mjs'), handler('v2')), 'distribution reloaded');
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
