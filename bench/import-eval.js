// Benchmark (not a test): convert a source fixture in one fresh process, as one `edge-dev import` or one load of a
// `from` config does: `cdk` (the largest: two stacks, a cross-region EdgeFunction, an asset) or `terraform` (the .tf
// directory: a local module, parsed by the hcl2json WebAssembly module). The first conversion includes loading the
// parser; prints one JSON line. Run `npm run build` first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = {
  cdk: ['CDK', join(ROOT, 'fixtures', 'sources', 'cdk', 'cdk.out')],
  terraform: ['Terraform directory', join(ROOT, 'fixtures', 'sources', 'terraform')],
};
const [label, source] = FIXTURES[process.argv[2] ?? 'cdk'];
const codeDir = mkdtempSync(join(tmpdir(), 'edge-dev-bench-import-'));
try {
  const started = performance.now();
  const { importSource } = await import('../dist/sources/index.js');
  await importSource(source, { codeDir });
  const first = performance.now() - started;
  const warm = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await importSource(source, { codeDir });
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);
  process.stdout.write(`${JSON.stringify({ name: `import: convert the ${label} fixture (first, with module load)`, unit: 'ms', value: first, target: 300, detail: `then median ${warm[10].toFixed(1)} ms over 20 conversions` })}\n`);
} finally {
  rmSync(codeDir, { recursive: true, force: true });
}
