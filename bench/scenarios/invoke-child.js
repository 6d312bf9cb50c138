// Warm-invoke overhead and cold start (own process): LambdaRuntime from dist/ against a direct in-process call of
// the same handler. Prints one JSON line. argv[2]: JSON { invocations, coldStarts }.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BENCH_DIR, REPO_DIR } from '../lib/edge-config.js';
import { percentile, median } from '../lib/stats.js';

const { invocations, coldStarts } = JSON.parse(process.argv[2]);
const { LambdaRuntime, functionSpecForModule } = await import(pathToFileURL(join(REPO_DIR, 'dist', 'runtime', 'index.js')).href);
const { buildEvent } = await import(pathToFileURL(join(REPO_DIR, 'dist', 'event', 'index.js')).href);

const HANDLER = join(BENCH_DIR, 'fixtures', 'handlers', 'viewer-request.mjs');
const event = buildEvent('viewer-request', { uri: '/bench/', headers: { 'user-agent': 'autocannon' } });
const freshEvent = () => buildEvent('viewer-request', { uri: '/bench/', headers: { 'user-agent': 'autocannon' } });

async function timeEach(count, call) {
  const times = new Array(count);
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await call();
    times[i] = performance.now() - start;
  }
  return times;
}

// Direct call: the same module, in this thread, with a minimal Lambda context; each call gets its own event, as the
// handler mutates it.
const { handler } = await import(pathToFileURL(HANDLER).href);
const context = { functionName: 'us-east-1.viewer-request', getRemainingTimeInMillis: () => 5000 };
const directEvents = Array.from({ length: invocations + 500 }, freshEvent);
let d = 0;
await timeEach(500, () => handler(directEvents[d++], context));
const direct = await timeEach(invocations, () => handler(directEvents[d++], context));

// Warm: one runtime, one environment reused (sequential invocations).
const runtime = new LambdaRuntime();
const spec = functionSpecForModule(HANDLER, { timeout: 5 });
const first = await runtime.invoke(spec, event);
if (!first.ok) throw new Error(`warm invoke failed: ${JSON.stringify(first.error)}`);
await timeEach(500, () => runtime.invoke(spec, event));
let cpuBefore = process.cpuUsage();
const warm = await timeEach(invocations, () => runtime.invoke(spec, event));
const warmCpu = cpuMicros(cpuBefore) / invocations;
await runtime.shutdown();

// The floor of any invocation in a worker thread: a bare postMessage round trip carrying the same event as JSON.
// Process CPU (both threads) per round trip; on virtual machines waking a thread is most of it.
const echo = new Worker("require('node:worker_threads').parentPort.on('message', (m) => require('node:worker_threads').parentPort.postMessage(m))", { eval: true });
const eventJson = JSON.stringify(event);
const roundTrip = () => new Promise((resolve) => { echo.once('message', resolve); echo.postMessage(eventJson); });
await timeEach(500, roundTrip);
cpuBefore = process.cpuUsage();
await timeEach(invocations, roundTrip);
const floorCpu = cpuMicros(cpuBefore) / invocations;
await echo.terminate();

function cpuMicros(before) {
  const used = process.cpuUsage(before);
  return used.user + used.system;
}

// Cold: a new environment each time (a fresh runtime, so no pool is reused; the thread may be a prestarted spare,
// which no function has used); the first sample also pays for loading the runtime's own modules and is dropped.
const cold = [];
const init = [];
for (let i = 0; i <= coldStarts; i++) {
  const fresh = new LambdaRuntime();
  const start = performance.now();
  const outcome = await fresh.invoke(functionSpecForModule(HANDLER, { timeout: 5 }), event);
  const elapsed = performance.now() - start;
  if (!outcome.ok) throw new Error(`cold invoke failed: ${JSON.stringify(outcome.error)}`);
  if (i > 0) {
    cold.push(elapsed);
    init.push(outcome.initDurationMs ?? 0);
  }
  await fresh.shutdown();
}

process.stdout.write(
  `${JSON.stringify({
    direct: { p50: percentile(direct, 50), p99: percentile(direct, 99) },
    warm: { p50: percentile(warm, 50), p99: percentile(warm, 99), cpuMicros: warmCpu },
    floor: { cpuMicros: floorCpu },
    cold: { median: median(cold), p90: percentile(cold, 90), initMedian: median(init), samples: cold.map((v) => Math.round(v * 10) / 10) },
  })}\n`,
);
process.exit(0);
