// Issue 10: the time to convert the largest infrastructure-code fixture, in a fresh process (bench/import-eval.js).
import { join } from 'node:path';
import { BENCH_DIR } from '../lib/edge-config.js';
import { runNodeJson } from '../lib/processes.js';
import { boundRow, failedRow } from '../lib/rows.js';

const NAME = 'import: convert the CDK fixture (first, with module load)';

export async function runImportScenario() {
  try {
    const r = await runNodeJson(join(BENCH_DIR, 'import-eval.js'));
    return [boundRow(r.name, r.unit, r.value, r.target, { detail: r.detail })];
  } catch (error) {
    return [failedRow(NAME, 'ms', 300, 'lower', 'value', error)];
  }
}
