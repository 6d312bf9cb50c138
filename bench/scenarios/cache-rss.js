// Many cached 1 KB objects: load N distinct URLs through `edge-dev serve` with a byte budget sized to hold them
// all, then read the process's peak RSS (VmHWM); it must stay under the budget + 100 MB.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { EDGE_BIN, serveArgs, writeEdgeConfig } from '../lib/edge-config.js';
import { runLoad } from '../lib/load.js';
import { probe } from '../lib/probe.js';
import { startNodeProcess } from '../lib/processes.js';
import { boundRow, failedRow } from '../lib/rows.js';

const MB = 1024 * 1024;
const PREFIX = '/objects/';

/** Peak and current RSS of a process in MB (Linux /proc; `ps` elsewhere, which has no peak). */
function rssOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) / 1024;
    return { peak: field('VmHWM'), now: field('VmRSS') };
  } catch {
    const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
    return { peak: kb / 1024, now: kb / 1024 };
  }
}

async function xCache(url) {
  return (await probe(url)).xCache;
}

export async function runCacheRss(originUrl, { objects }) {
  // About 2.5 KB per 1 KB object by the cache's own accounting (data plus object overhead, cache/entry-bytes.ts):
  // a budget of 2.6 KB per object holds them all, so the figure shows whether the budget bounds real memory.
  const budgetBytes = Math.ceil((objects * 2.6 * 1024) / MB) * MB;
  const name = `${objects / 1000}k cached 1 KB objects: peak RSS`;
  const target = budgetBytes / MB + 100;
  let edge;
  try {
    edge = await startNodeProcess(EDGE_BIN, serveArgs(writeEdgeConfig('no-triggers', originUrl), { cacheMaxBytes: budgetBytes }));
    const before = rssOf(edge.pid);
    await runLoad({ url: `${edge.url}/`, amount: objects, uniquePrefix: PREFIX });
    const after = rssOf(edge.pid);
    // The last object must be cached; whether the first (oldest in the LRU) survived shows if the budget was reached.
    const first = await xCache(`${edge.url}${PREFIX}0`);
    const last = await xCache(`${edge.url}${PREFIX}${objects - 1}`);
    const detail = `budget ${budgetBytes / MB} MB; RSS idle ${before.now.toFixed(0)} MB, after load ${after.now.toFixed(0)} MB; first object "${first}", last "${last}"`;
    if (last !== 'Hit from cloudfront') {
      return [{ ...boundRow(name, 'MB', after.peak, target, { baseline: budgetBytes / MB, detail, withRatio: true }), pass: false }];
    }
    return [boundRow(name, 'MB', after.peak, target, { baseline: budgetBytes / MB, detail, withRatio: true })];
  } catch (error) {
    return [failedRow(name, 'MB', target, 'lower', 'value', error)];
  } finally {
    await edge?.stop();
  }
}
