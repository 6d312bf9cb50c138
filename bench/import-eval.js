// Benchmark (not a test): convert the largest source fixture (the CDK cloud assembly: two stacks, a cross-region
// EdgeFunction, an asset) in one fresh process, as one `edge-dev import` or one load of a `from` config does.
// The first conversion includes loading the YAML parser; prints one JSON line. Run `npm run build` first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = join(import.meta.dirname, '..');
const codeDir = mkdtempSync(join(tmpdir(), 'edge-dev-bench-import-'));
try {
  const started = performance.now();
  const { importSource } = await import('../dist/sources/index.js');
  await importSource(join(ROOT, 'fixtures', 'sources', 'cdk', 'cdk.out'), { codeDir });
  const first = performance.now() - started;
  const warm = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await importSource(join(ROOT, 'fixtures', 'sources', 'cdk', 'cdk.out'), { codeDir });
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);
  process.stdout.write(`${JSON.stringify({ name: 'import: convert the CDK fixture (first, with module load)', unit: 'ms', value: first, target: 300, detail: `then median ${warm[10].toFixed(1)} ms over 20 conversions` })}\n`);
} finally {
  rmSync(codeDir, { recursive: true, force: true });
}
