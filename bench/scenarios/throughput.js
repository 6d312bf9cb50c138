// Throughput scenarios (req/s, 50 connections, 1 KB body): edge-dev as a real `edge-dev serve` process against
// baselines in their own processes, measured in interleaved rounds so drift on a shared machine hits both sides.
import { join } from 'node:path';
import { BENCH_DIR, EDGE_BIN, serveArgs, writeEdgeConfig } from '../lib/edge-config.js';
import { runLoad } from '../lib/load.js';
import { probe } from '../lib/probe.js';
import { startNodeProcess } from '../lib/processes.js';
import { failedRow, ratioRow } from '../lib/rows.js';
import { cpuTicks, settle, TICKS_PER_SECOND } from '../lib/settle.js';
import { median } from '../lib/stats.js';

const HIT_PATH = '/bench/object-1kb.txt';
const MISS_PATH = '/bench/miss-1kb.txt';
const DROPPED_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

async function expectXCache(url, expected, what) {
  const seen = await probe(url);
  if (seen.status !== 200 || seen.xCache !== expected) {
    throw new Error(`${what}: expected 200 "${expected}", got ${seen.status} "${seen.xCache}"`);
  }
  return seen;
}

async function startEdge(config, originUrl, options) {
  return startNodeProcess(EDGE_BIN, serveArgs(writeEdgeConfig(config, originUrl), options));
}

/**
 * Load `url` in short chunks until its rate stops climbing (JIT, origin connections, and with triggers one execution
 * environment per concurrent request, each cold and then warming its own JIT), at most `maxWarmupChunks` chunks.
 */
async function warmUp(url, pids, settings) {
  let previous = 0;
  for (let chunk = 0; chunk < settings.maxWarmupChunks; chunk++) {
    const { requestsPerSecond } = await runLoad({ url, durationSeconds: settings.warmupSeconds });
    if (previous > 0 && requestsPerSecond < previous * 1.1) break;
    previous = requestsPerSecond;
  }
  await settle(pids, settings.settleMs);
}

/**
 * Measure every target in `targets` (name → URL) for `rounds` rounds, in turn, and keep each one's best round: noise
 * from other work on a shared machine only ever lowers a round, so the best is the steadiest estimate of each side.
 */
async function measureRounds(targets, pids, settings) {
  const samples = new Map(Object.keys(targets).map((name) => [name, { rates: [], cpu: [] }]));
  for (const { url } of Object.values(targets)) await warmUp(url, pids, settings);
  for (let round = 0; round < settings.rounds; round++) {
    for (const [name, { url, pid }] of Object.entries(targets)) {
      await settle(pids, settings.settleMs);
      const before = cpuTicks(pid);
      const result = await runLoad({ url, durationSeconds: settings.durationSeconds });
      const after = cpuTicks(pid);
      samples.get(name).rates.push(result.requestsPerSecond);
      // Server CPU per request (all its threads): steadier than req/s on a busy machine.
      if (before !== undefined && after !== undefined) samples.get(name).cpu.push(((after - before) / TICKS_PER_SECOND / result.total) * 1e6);
    }
  }
  return Object.fromEntries(
    [...samples].map(([name, { rates, cpu }]) => [name, { best: Math.max(...rates), samples: rates, cpuMicros: cpu.length ? median(cpu) : undefined }]),
  );
}

const cpuOf = (side) => (side.cpuMicros === undefined ? '' : `, ${side.cpuMicros.toFixed(0)} µs CPU/request`);
const detailOf = (a, b) =>
  `best of rounds; edge-dev [${a.samples.map(Math.round).join(', ')}] req/s${cpuOf(a)}; baseline [${b.samples.map(Math.round).join(', ')}] req/s${cpuOf(b)}`;

/** Cache hits: no triggers vs a Map server sending the same bytes; viewer-request + viewer-response vs no triggers. */
export async function runHitScenarios({ url: originUrl, pid: originPid }, settings) {
  const started = [];
  try {
    const track = (starting) => starting.then((server) => (started.push(server), server));
    const [plain, viewer] = await Promise.all([track(startEdge('no-triggers', originUrl)), track(startEdge('viewer-triggers', originUrl))]);
    await expectXCache(plain.url + HIT_PATH, 'Miss from cloudfront', 'no-triggers first request');
    const hit = await expectXCache(plain.url + HIT_PATH, 'Hit from cloudfront', 'no-triggers second request');
    const headers = hit.headers.filter(([name]) => !DROPPED_HEADERS.has(name));
    const map = await startNodeProcess(join(BENCH_DIR, 'servers', 'map-server.js'), [], {
      env: { BENCH_RESPONSE: JSON.stringify({ url: HIT_PATH, status: 200, headers }) },
    });
    started.push(map);
    await expectXCache(viewer.url + HIT_PATH, 'Miss from cloudfront', 'viewer-triggers first request');
    const viewerHit = await expectXCache(viewer.url + HIT_PATH, 'Hit from cloudfront', 'viewer-triggers second request');
    if (!viewerHit.headers.some(([name]) => name === 'strict-transport-security')) {
      throw new Error('viewer-triggers: the viewer-response handler did not run (no Strict-Transport-Security)');
    }
    const at = (server, path) => ({ url: server.url + path, pid: server.pid });
    const targets = { plain: at(plain, HIT_PATH), map: at(map, HIT_PATH), viewer: at(viewer, HIT_PATH) };
    const m = await measureRounds(targets, [originPid, ...started.map((one) => one.pid)], settings);
    return [
      ratioRow('cache hit, no triggers', 'req/s', m.plain.best, m.map.best, 0.85, detailOf(m.plain, m.map)),
      ratioRow('cache hit, viewer-request + viewer-response', 'req/s', m.viewer.best, m.plain.best, 0.4, detailOf(m.viewer, m.plain)),
    ];
  } catch (error) {
    return [
      failedRow('cache hit, no triggers', 'req/s', 0.85, 'higher', 'ratio', error),
      failedRow('cache hit, viewer-request + viewer-response', 'req/s', 0.4, 'higher', 'ratio', error),
    ];
  } finally {
    await Promise.all(started.map((one) => one.stop()));
  }
}

/** Cache misses (`--no-cache`): no triggers vs an undici Pool proxy; all four triggers vs no triggers. */
export async function runMissScenarios({ url: originUrl, pid: originPid }, settings) {
  const started = [];
  try {
    const track = (starting) => starting.then((server) => (started.push(server), server));
    const [plain, proxy, all] = await Promise.all([
      track(startEdge('no-triggers', originUrl, { noCache: true })),
      track(startNodeProcess(join(BENCH_DIR, 'servers', 'undici-proxy.js'), [originUrl])),
      track(startEdge('all-triggers', originUrl, { noCache: true })),
    ]);
    await expectXCache(plain.url + MISS_PATH, 'Miss from cloudfront', 'no-triggers --no-cache');
    await expectXCache(plain.url + MISS_PATH, 'Miss from cloudfront', 'no-triggers --no-cache, again');
    const seen = await expectXCache(all.url + MISS_PATH, 'Miss from cloudfront', 'all-triggers --no-cache');
    if (!seen.headers.some(([name]) => name === 'strict-transport-security')) {
      throw new Error('all-triggers: the viewer-response handler did not run (no Strict-Transport-Security)');
    }
    const at = (server, path) => ({ url: server.url + path, pid: server.pid });
    const targets = { plain: at(plain, MISS_PATH), proxy: at(proxy, MISS_PATH), all: at(all, MISS_PATH) };
    const m = await measureRounds(targets, [originPid, ...started.map((one) => one.pid)], settings);
    return [
      ratioRow('cache miss, no triggers', 'req/s', m.plain.best, m.proxy.best, 0.95, detailOf(m.plain, m.proxy)),
      ratioRow('cache miss, all four triggers', 'req/s', m.all.best, m.plain.best, 0.3, detailOf(m.all, m.plain)),
    ];
  } catch (error) {
    return [
      failedRow('cache miss, no triggers', 'req/s', 0.95, 'higher', 'ratio', error),
      failedRow('cache miss, all four triggers', 'req/s', 0.3, 'higher', 'ratio', error),
    ];
  } finally {
    await Promise.all(started.map((one) => one.stop()));
  }
}
