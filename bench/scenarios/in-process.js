// Scenarios that run product code in a process of their own (no server): warm invoke, cold start, fixture run,
// and the check engineer's `bench/check-eval.js`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR } from '../lib/edge-config.js';
import { runNodeJson } from '../lib/processes.js';
import { boundRow, failedRow, overheadRow } from '../lib/rows.js';

const WARM_P50 = 'warm invoke overhead, p50';
const WARM_P99 = 'warm invoke overhead, p99';
const WARM_CPU = 'warm invoke CPU, against a bare process round trip';
const COLD = 'cold start of an environment';
const PYTHON_COLD = 'cold start of a Python environment';
const IDLE_RSS = 'idle environment RSS';
const FIXTURES = '`edge-dev/testing` fixture run, 1000 events';
const CHECK = 'check: 50 statements × 20 functions';

export async function runInvokeScenarios({ invocations, coldStarts }) {
  try {
    const r = await runNodeJson(join(BENCH_DIR, 'scenarios', 'invoke-child.js'), [JSON.stringify({ invocations, coldStarts })]);
    const detail = (p) => `LambdaRuntime ${r.warm[p].toFixed(3)} ms − direct call ${r.direct[p].toFixed(4)} ms, ${invocations} sequential invocations`;
    return [
      boundRow(WARM_P50, 'ms', r.warm.p50 - r.direct.p50, 0.2, { baseline: r.direct.p50, detail: detail('p50') }),
      boundRow(WARM_P99, 'ms', r.warm.p99 - r.direct.p99, 1, { baseline: r.direct.p99, detail: detail('p99') }),
      // edge-dev's own target: the runtime's CPU per warm invocation within 1.5x of the process round trip it rests on.
      overheadRow(WARM_CPU, 'µs CPU', r.warm.cpuMicros, r.floor.cpuMicros, 1.5, 'bare round trip with a child process blocked reading a socket pair, the same event as JSON; server-process CPU'),
      boundRow(COLD, 'ms', r.cold.median, 40, {
        detail: `median of ${coldStarts} (p90 ${r.cold.p90.toFixed(1)} ms, Init Duration median ${r.cold.initMedian.toFixed(1)} ms): [${r.cold.samples.join(', ')}]`,
      }),
      r.pythonCold === null
        ? failedRow(PYTHON_COLD, 'ms', 120, 'lower', 'value', 'no python3 on this machine')
        : boundRow(PYTHON_COLD, 'ms', r.pythonCold.median, 120, { detail: `median of ${coldStarts}: [${r.pythonCold.samples.join(', ')}]` }),
      // Issue 14: reported; an idle environment must fit in Lambda's smallest memory size with room to spare.
      boundRow(IDLE_RSS, 'MB', r.idle.rssMb, 128, { detail: `after the warm loop; ${r.idle.ownMb.toFixed(1)} MB of it its own (RssAnon), the rest Node.js's code shared between processes` }),
    ];
  } catch (error) {
    return [
      failedRow(WARM_P50, 'ms', 0.2, 'lower', 'value', error),
      failedRow(WARM_P99, 'ms', 1, 'lower', 'value', error),
      failedRow(WARM_CPU, 'µs CPU', 1.5, 'lower', 'ratio', error),
      failedRow(COLD, 'ms', 40, 'lower', 'value', error),
      failedRow(PYTHON_COLD, 'ms', 120, 'lower', 'value', error),
      failedRow(IDLE_RSS, 'MB', 128, 'lower', 'value', error),
    ];
  }
}

export async function runFixtureScenario({ events }) {
  try {
    const r = await runNodeJson(join(BENCH_DIR, 'scenarios', 'fixture-child.js'), [JSON.stringify({ events })]);
    const row = boundRow(FIXTURES.replace('1000', String(events)), 'ms', r.ms, (1000 * events) / 1000, {
      detail: `${r.tests} tests, ${r.failed} failed${r.firstFailure ? ` (first: ${r.firstFailure})` : ''}`,
    });
    return [r.failed > 0 || r.tests !== events ? { ...row, pass: false } : row];
  } catch (error) {
    return [failedRow(FIXTURES, 'ms', 1000, 'lower', 'value', error)];
  }
}

/** `bench/check-eval.js` (owned by the check engineer) prints `{ name, unit, value, target, better }`. */
export async function runCheckScenario() {
  const script = join(BENCH_DIR, 'check-eval.js');
  try {
    if (!existsSync(script)) throw new Error('bench/check-eval.js is missing (it comes with the check engineer\'s policy/ work)');
    const r = await runNodeJson(script);
    if (typeof r.value !== 'number') throw new Error(`bench/check-eval.js printed no numeric "value": ${JSON.stringify(r)}`);
    return [boundRow(r.name ?? CHECK, r.unit ?? 'ms', r.value, r.target ?? 50)];
  } catch (error) {
    return [failedRow(CHECK, 'ms', 50, 'lower', 'value', error)];
  }
}
