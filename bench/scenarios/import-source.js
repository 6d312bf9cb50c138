// Issue 10: the time to convert infrastructure-code fixtures, each in a fresh process (bench/import-eval.js).
import { join } from 'node:path';
import { BENCH_DIR } from '../lib/edge-config.js';
import { runNodeJson } from '../lib/processes.js';
import { boundRow, failedRow } from '../lib/rows.js';

const FIXTURES = [
  ['cdk', 'import: convert the CDK fixture (first, with module load)'],
  ['terraform', 'import: convert the Terraform directory fixture (first, with module load)'],
];

export async function runImportScenario() {
  const rows = [];
  for (const [fixture, name] of FIXTURES) {
    try {
      const r = await runNodeJson(join(BENCH_DIR, 'import-eval.js'), [fixture]);
      rows.push(boundRow(r.name, r.unit, r.value, r.target, { detail: r.detail }));
    } catch (error) {
      rows.push(failedRow(name, 'ms', 300, 'lower', 'value', error));
    }
  }
  return rows;
}
