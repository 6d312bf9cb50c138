// Profile `edge-dev serve` under one benchmark load: starts the origin and a serve process with --cpu-prof, runs
// autocannon against it, stops it and prints the top self-time functions of the main thread.
//   node bench/profile-serve.js <no-triggers|viewer-triggers|all-triggers> <hit|miss> [seconds]
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { BENCH_DIR, EDGE_BIN, serveArgs, writeEdgeConfig } from './lib/edge-config.js';
import { runLoad, stopLoad } from './lib/load.js';
import { probe } from './lib/probe.js';
import { startNodeProcess } from './lib/processes.js';

const [config = 'no-triggers', mode = 'hit', seconds = '5'] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'edge-dev-bench-profile-'));
const origin = await startNodeProcess(join(BENCH_DIR, 'servers', 'origin.js'));
const edge = await startNodeProcess(EDGE_BIN, serveArgs(writeEdgeConfig(config, origin.url), { noCache: mode === 'miss' }), {
  nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
});
const url = `${edge.url}/bench/profile.txt`;
await probe(url);
await runLoad({ url, durationSeconds: Number(seconds) });
stopLoad();
await edge.stop();
await origin.stop();
const profiles = readdirSync(dir).filter((file) => file.endsWith('.cpuprofile')).sort();
process.stdout.write(`profiles in ${dir}: ${profiles.join(', ')}\nmain thread:\n`);
process.stdout.write(execFileSync(process.execPath, [join(BENCH_DIR, 'profile-top.js'), join(dir, profiles[0]), '30'], { encoding: 'utf8' }));
