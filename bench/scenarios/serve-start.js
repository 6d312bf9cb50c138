// `edge-dev serve` start to first 200: from spawning the process to the first 200 answer through it, with the
// viewer-triggers distribution (so the first request also starts two execution environments).
import { performance } from 'node:perf_hooks';
import { EDGE_BIN, serveArgs, writeEdgeConfig } from '../lib/edge-config.js';
import { startNodeProcess } from '../lib/processes.js';
import { boundRow, failedRow } from '../lib/rows.js';
import { median } from '../lib/stats.js';

const NAME = '`edge-dev serve` start to first 200';

async function oneStart(configFile) {
  const start = performance.now();
  const edge = await startNodeProcess(EDGE_BIN, serveArgs(configFile));
  try {
    const response = await fetch(`${edge.url}/bench/first.txt`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`first request answered ${response.status}`);
    return performance.now() - start;
  } finally {
    await edge.stop();
  }
}

export async function runServeStart(originUrl, { starts }) {
  try {
    const configFile = writeEdgeConfig('viewer-triggers', originUrl);
    await oneStart(configFile); // the first start warms the OS file cache; not counted
    const samples = [];
    for (let i = 0; i < starts; i++) samples.push(await oneStart(configFile));
    return [boundRow(NAME, 'ms', median(samples), 400, { detail: `median of [${samples.map(Math.round).join(', ')}] ms` })];
  } catch (error) {
    return [failedRow(NAME, 'ms', 400, 'lower', 'value', error)];
  }
}
