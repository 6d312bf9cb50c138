// Warm-invoke overhead and cold start (own process): LambdaRuntime from dist/ against a direct in-process call of
// the same handler. Prints one JSON line. argv[2]: JSON { invocations, coldStarts }.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { BENCH_DIR, REPO_DIR } from '../lib/edge-config.js';
import { percentile, median } from '../lib/stats.js';

const { invocations, coldStarts } = JSON.parse(process.argv[2]);
const { LambdaRuntime, functionSpecForModule } = await import(pathToFileURL(join(REPO_DIR, 'dist', 'runtime', 'index.js')).href);
const { buildEvent } = await import(pathToFileURL(join(REPO_DIR, 'dist', 'event', 'index.js')).href);

const HANDLER = join(BENCH_DIR, 'fixtures', 'handlers', 'viewer-request.mjs');
const PYTHON_HANDLER = join(BENCH_DIR, 'fixtures', 'handlers', 'viewer_request.py');
// Echoes each line on fd 3 with blocking reads and writes (no event loop between messages), as the bootstrap waits.
const ECHO_CHILD = `const fs = require('node:fs'); const buf = Buffer.alloc(1 << 20);
for (;;) { const n = fs.readSync(3, buf, 0, buf.length, null); if (n === 0) break; fs.writeSync(3, buf, 0, n); }`;
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
const idle = idleEnvironmentMemory();
await runtime.shutdown();

// The floor of any invocation in an environment process: a bare round trip with a child process that waits in a
// blocking read of a socket pair, as the bootstrap does, carrying the same event as JSON. Server-process CPU only,
// as for the runtime above.
const echo = spawn(process.execPath, ['-e', ECHO_CHILD], { stdio: ['ignore', 'inherit', 'inherit', 'pipe'] });
const channel = echo.stdio[3];
const eventLine = `${JSON.stringify(event)}\n`;
const roundTrip = () => new Promise((resolve) => { channel.once('data', resolve); channel.write(eventLine); });
await timeEach(500, roundTrip);
cpuBefore = process.cpuUsage();
await timeEach(invocations, roundTrip);
const floorCpu = cpuMicros(cpuBefore) / invocations;
echo.kill('SIGKILL');

/**
 * RSS of the environment that ran the warm loop, now idle (the largest child: spares loaded no handler), and the
 * part of it that is its own (RssAnon: heap and stacks; the rest is Node.js's code, shared between processes).
 */
function idleEnvironmentMemory() {
  const children = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry) && parentOf(entry) === process.pid);
  const sizes = children.map((pid) => {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kib('VmRSS') / 1024, ownMb: kib('RssAnon') / 1024 };
  });
  return sizes.sort((a, b) => b.rssMb - a.rssMb)[0] ?? { rssMb: 0, ownMb: 0 };
}

function parentOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

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

// Python cold starts, where the machine has an interpreter for Lambda's Python runtimes (D46: the host's python3).
const { pythonInterpreter } = await import(pathToFileURL(join(REPO_DIR, 'dist', 'runtime', 'python-interpreter.js')).href);
const pythonCold = [];
if (pythonInterpreter('python3.12') !== undefined) {
  for (let i = 0; i <= coldStarts; i++) {
    const fresh = new LambdaRuntime();
    const start = performance.now();
    const outcome = await fresh.invoke(functionSpecForModule(PYTHON_HANDLER, { timeout: 5, runtime: 'python3.12' }), event);
    const elapsed = performance.now() - start;
    if (!outcome.ok) throw new Error(`python cold invoke failed: ${JSON.stringify(outcome.error)}`);
    if (i > 0) pythonCold.push(elapsed);
    await fresh.shutdown();
  }
}

process.stdout.write(
  `${JSON.stringify({
    direct: { p50: percentile(direct, 50), p99: percentile(direct, 99) },
    warm: { p50: percentile(warm, 50), p99: percentile(warm, 99), cpuMicros: warmCpu },
    floor: { cpuMicros: floorCpu },
    idle,
    pythonCold: pythonCold.length ? { median: median(pythonCold), samples: pythonCold.map((v) => Math.round(v * 10) / 10) } : null,
    cold: { median: median(cold), p90: percentile(cold, 90), initMedian: median(init), samples: cold.map((v) => Math.round(v * 10) / 10) },
  })}\n`,
);
process.exit(0);
