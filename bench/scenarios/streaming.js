// Issue 9: streamed bodies. Time to first byte of a 100 MB response through `edge-dev serve` against a bare streaming
// node:http + undici proxy (same origin, same run, interleaved); and serve's RSS growth while 4 viewers download a
// large body each at once (1 GB in the full run).
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BENCH_DIR, EDGE_BIN, serveArgs, writeEdgeConfig } from '../lib/edge-config.js';
import { startNodeProcess } from '../lib/processes.js';
import { boundRow, failedRow, ratioRow } from '../lib/rows.js';
import { median } from '../lib/stats.js';

const MB = 1024 * 1024;

/** Milliseconds to the first body byte, then the rest is read to the end (so connections stay comparable). */
function timeToFirstByte(url) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let first;
    request(url, { agent: false }, (res) => {
      res.on('data', () => (first ??= performance.now() - started));
      res.on('end', () => resolve(first));
      res.on('error', reject);
    }).on('error', reject).end();
  });
}

function download(url) {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    request(url, { agent: false }, (res) => {
      res.on('data', (chunk) => (bytes += chunk.length));
      res.on('end', () => resolve(bytes));
      res.on('error', reject);
    }).on('error', reject).end();
  });
}

function rssMb(pid) {
  return Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
}

async function firstByteRow(origin, samples) {
  const name = 'time to first byte, 100 MB response';
  let edge;
  let proxy;
  try {
    edge = await startNodeProcess(EDGE_BIN, serveArgs(writeEdgeConfig('no-triggers', origin.url), { noCache: true }));
    proxy = await startNodeProcess(join(BENCH_DIR, 'servers', 'undici-proxy.js'), [origin.url, '--stream']);
    await timeToFirstByte(`${edge.url}/large/100`);
    await timeToFirstByte(`${proxy.url}/large/100`);
    const edgeTimes = [];
    const proxyTimes = [];
    for (let i = 0; i < samples; i++) {
      edgeTimes.push(await timeToFirstByte(`${edge.url}/large/100`));
      proxyTimes.push(await timeToFirstByte(`${proxy.url}/large/100`));
    }
    const edgeMs = median(edgeTimes);
    const proxyMs = median(proxyTimes);
    // The ratio is the baseline's time over edge-dev's (1 = as fast as a bare streaming proxy; higher is better).
    const row = ratioRow(name, 'ms', edgeMs, proxyMs, 0.9, `median of ${samples}; bare streaming proxy ${proxyMs.toFixed(2)} ms`);
    return { ...row, ratio: proxyMs / edgeMs, pass: proxyMs / edgeMs >= 0.9 };
  } catch (error) {
    return failedRow(name, 'ms', 0.9, 'higher', 'ratio', error);
  } finally {
    await edge?.stop();
    await proxy?.stop();
  }
}

async function rssRow(origin, megabytes) {
  const name = `serve RSS growth, 4 viewers downloading ${megabytes >= 1024 ? `${megabytes / 1024} GB` : `${megabytes} MB`} each`;
  let edge;
  try {
    edge = await startNodeProcess(EDGE_BIN, serveArgs(writeEdgeConfig('no-triggers', origin.url)));
    await download(`${edge.url}/large/1`);
    const before = rssMb(edge.pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(edge.pid))), 25);
    const bytes = await Promise.all(Array.from({ length: 4 }, () => download(`${edge.url}/large/${megabytes}`)));
    clearInterval(sampler);
    if (bytes.some((n) => n !== megabytes * MB)) throw new Error(`a download was short: ${bytes.join(', ')} bytes`);
    return boundRow(name, 'MB', peak - before, 64, { detail: `RSS ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB` });
  } catch (error) {
    return failedRow(name, 'MB', 64, 'lower', 'value', error);
  } finally {
    await edge?.stop();
  }
}

export async function runStreamingScenarios(origin, { quick }) {
  // Bodies larger than the default 256 MiB cache budget, as the issue's 1 GB are: nothing is collected for the cache.
  return [await firstByteRow(origin, quick ? 5 : 15), await rssRow(origin, quick ? 300 : 1024)];
}
