// One `edge-dev serve` under 50 connections, without profiling: req/s, server CPU per request and the environment
// processes alive, per second of load. node bench/load-serve.js <no-triggers|viewer-triggers|all-triggers> <hit|miss> [seconds]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, EDGE_BIN, serveArgs, writeEdgeConfig } from './lib/edge-config.js';
import { runLoad, stopLoad } from './lib/load.js';
import { probe } from './lib/probe.js';
import { startNodeProcess } from './lib/processes.js';

const [config = 'all-triggers', mode = 'miss', seconds = '6'] = process.argv.slice(2);
const origin = await startNodeProcess(join(BENCH_DIR, 'servers', 'origin.js'));
const edge = await startNodeProcess(EDGE_BIN, serveArgs(writeEdgeConfig(config, origin.url), { noCache: mode === 'miss' }));
const url = `${edge.url}/bench/profile.txt`;
await probe(url);
const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const children = (pid) => readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).filter((entry) => {
  try {
    return readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1] === String(pid);
  } catch {
    return false;
  }
}).length;
for (let second = 0; second < Number(seconds); second++) {
  const before = cpuMs(edge.pid);
  const result = await runLoad({ url, durationSeconds: 1 });
  const used = cpuMs(edge.pid) - before;
  console.log(`${result.total} req/s, ${Math.round((used * 1000) / result.total)} µs server CPU/request, ${children(edge.pid)} environment processes`);
}
stopLoad();
await edge.stop();
await origin.stop();
