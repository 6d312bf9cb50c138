// Drives LambdaRuntime (dist/) directly: warm sequential invocations, then bursts of concurrent ones, and reports
// latency, server-process CPU per invocation and how many environment processes were spawned.
// node bench/profile-runtime.js [warm=2000] [concurrency=50] [rounds=200]   (add --cpu-prof before the script)
import childProcess from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR, REPO_DIR } from './lib/edge-config.js';
import { percentile } from './lib/stats.js';

const [warmCount = 2000, concurrency = 50, rounds = 200, cap = 16] = process.argv.slice(2).map(Number);
const { LambdaRuntime, functionSpecForModule } = await import(pathToFileURL(join(REPO_DIR, 'dist', 'runtime', 'index.js')).href);
const { buildEvent } = await import(pathToFileURL(join(REPO_DIR, 'dist', 'event', 'index.js')).href);

// Count the processes the runtime spawns (ChildProcess.prototype.spawn is what child_process.spawn calls).
let spawned = 0;
const originalSpawn = childProcess.ChildProcess.prototype.spawn;
childProcess.ChildProcess.prototype.spawn = function countedSpawn(...args) {
  spawned++;
  return originalSpawn.apply(this, args);
};

const cpuSplit = (before) => { const u = process.cpuUsage(before); return `user ${u.user} sys ${u.system}`; };
const cpuMicros = (before) => {
  const used = process.cpuUsage(before);
  return used.user + used.system;
};
const event = buildEvent('viewer-request', { uri: '/bench/', headers: { 'user-agent': 'autocannon' } });
const runtime = new LambdaRuntime({ maxEnvironmentsPerFunction: cap });
const handlers = ['viewer-request', 'viewer-response', 'origin-request', 'origin-response'];
const specs = handlers.map((name) => functionSpecForModule(join(BENCH_DIR, 'fixtures', 'handlers', `${name}.mjs`), { timeout: 5 }));

const first = await runtime.invoke(specs[0], event);
console.log('cold', first.ok, 'total init', first.initDurationMs?.toFixed(1), 'ms, duration', first.durationMs.toFixed(2));
for (let i = 0; i < 500; i++) await runtime.invoke(specs[0], event);
const times = [];
let before = process.cpuUsage();
for (let i = 0; i < warmCount; i++) {
  const start = performance.now();
  await runtime.invoke(specs[0], event);
  times.push(performance.now() - start);
}
console.log(
  `warm x${warmCount}: p50 ${percentile(times, 50).toFixed(3)} ms, p99 ${percentile(times, 99).toFixed(3)} ms, max ${Math.max(...times).toFixed(1)} ms, ${(cpuMicros(before) / warmCount).toFixed(0)} µs CPU each`,
);

// 50 concurrent "requests", each running the four functions one after another (as a miss with all four triggers);
// the first pass starts the environments, the second is measured.
let failed = 0;
const events = handlers.map((type) => buildEvent(type, { uri: '/bench/', headers: { 'user-agent': 'autocannon' } }));
const oneRequest = async () => {
  for (let i = 0; i < specs.length; i++) if (!(await runtime.invoke(specs[i], events[i])).ok) failed++;
};
let latencies = [];
// Closed loop, as autocannon's connections: each of `concurrency` callers runs `count` requests one after another.
const burst = (count) =>
  Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let r = 0; r < count; r++) {
        const t = performance.now();
        await oneRequest();
        latencies.push(performance.now() - t);
      }
    }),
  );
const watch = setInterval(() => {
  if (process.env.DEBUG_POOLS) console.log([...runtime.pools.values()].map((p) => `${p.spec.name}: live ${p.live.size} wait ${p.waiters.length} init ${p.initialising} run ${p.scaleOut.runMs?.toFixed(2)} cold ${p.scaleOut.coldStartMs.toFixed(0)}`).join(' | '));
}, 100);
await burst(5);

latencies = [];
const spawnedBefore = spawned;
const start = performance.now();
before = process.cpuUsage();
await burst(rounds);
const elapsed = performance.now() - start;
const total = rounds * concurrency;
console.log(
  `concurrent ${concurrency} x ${rounds} (4 functions each): ${((total / elapsed) * 1000).toFixed(0)} req/s, ${(cpuMicros(before) / total).toFixed(0)} µs CPU/req, p50 ${percentile(latencies, 50).toFixed(1)} ms p99 ${percentile(latencies, 99).toFixed(1)} ms, failed ${failed}`,
);
console.log(`server CPU in the concurrent phase: ${cpuSplit(before)} µs`);
console.log(`processes spawned: ${spawned} (${spawned - spawnedBefore} during the concurrent phase), live environments ${runtime.environmentCount()}`);
clearInterval(watch);
await runtime.shutdown();
process.exit(0);
