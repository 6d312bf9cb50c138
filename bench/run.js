// `npm run bench [-- --quick] [-- --only hit,miss,invoke,cff,stream,serve,rss,fixtures,check,import] [-- --strict]`: every scenario, a
// table, and bench/results/latest.json. Servers, origin, baselines and the load generator each run in their own process.
// Exit 1 when a scenario could not be measured; with --strict also when a target is missed (figures drift on shared
// machines, so a missed target is reported, not a failed run).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { BENCH_DIR } from './lib/edge-config.js';
import { stopLoad } from './lib/load.js';
import { startNodeProcess } from './lib/processes.js';
import { formatTable } from './lib/table.js';
import { runHitScenarios, runMissScenarios } from './scenarios/throughput.js';
import { runFixtureScenario, runInvokeScenarios, runCheckScenario } from './scenarios/in-process.js';
import { runServeStart } from './scenarios/serve-start.js';
import { runCacheRss } from './scenarios/cache-rss.js';
import { runCloudFrontFunctionScenario } from './scenarios/cloudfront-function.js';
import { runStreamingScenarios } from './scenarios/streaming.js';
import { runImportScenario } from './scenarios/import-source.js';

const SETTINGS = {
  full: { rounds: 5, durationSeconds: 4, warmupSeconds: 1, maxWarmupChunks: 15, settleMs: 5000, invocations: 5000, coldStarts: 15, starts: 5, objects: 100_000, events: 1000 },
  quick: { rounds: 2, durationSeconds: 1, warmupSeconds: 1, maxWarmupChunks: 2, settleMs: 1000, invocations: 1000, coldStarts: 5, starts: 2, objects: 10_000, events: 1000 },
};

function parseArgs(argv) {
  const args = { quick: false, only: null, strict: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--quick') args.quick = true;
    else if (argv[i] === '--strict') args.strict = true;
    else if (argv[i] === '--only') args.only = new Set(argv[++i]?.split(','));
    else if (argv[i].startsWith('--only=')) args.only = new Set(argv[i].slice(7).split(','));
    else {
      process.stderr.write(`bench: unknown argument ${argv[i]}; use --quick, --strict and/or --only hit,miss,invoke,cff,stream,serve,rss,fixtures,check,import\n`);
      process.exit(2);
    }
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const settings = SETTINGS[args.quick ? 'quick' : 'full'];
const wanted = (id) => args.only === null || args.only.has(id);
const started = Date.now();
const log = (line) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}\n`);

const origin = await startNodeProcess(join(BENCH_DIR, 'servers', 'origin.js'));
const rows = [];
try {
  const steps = [
    ['hit', 'cache hit scenarios', () => runHitScenarios(origin, settings)],
    ['miss', 'cache miss scenarios', () => runMissScenarios(origin, settings)],
    ['invoke', 'warm invoke and cold start', () => runInvokeScenarios(settings)],
    ['cff', 'warm CloudFront Function invocation', () => runCloudFrontFunctionScenario(settings)],
    ['stream', 'streamed bodies', () => runStreamingScenarios(origin, { quick: args.quick })],
    ['serve', 'serve start to first 200', () => runServeStart(origin.url, settings)],
    ['rss', `${settings.objects} cached objects`, () => runCacheRss(origin.url, settings)],
    ['fixtures', 'fixture run', () => runFixtureScenario(settings)],
    ['check', 'check evaluation', () => runCheckScenario()],
    ['import', 'import of the largest source fixture', () => runImportScenario()],
  ];
  for (const [id, what, step] of steps) {
    if (!wanted(id)) continue;
    log(what);
    rows.push(...(await step()));
  }
} finally {
  stopLoad();
  await origin.stop();
}

const resultsDir = join(BENCH_DIR, 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(rows, null, 2)}\n`);

const cpu = cpus();
process.stdout.write(
  `\nedge-dev benchmarks (${args.quick ? 'quick' : 'full'} run, ${((Date.now() - started) / 1000).toFixed(0)} s): Node ${process.version}, ` +
    `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB\n\n${formatTable(rows)}\n\n` +
    `${rows.filter((row) => row.pass).length} of ${rows.length} pass; written to bench/results/latest.json\n`,
);
const measured = rows.every((row) => row.value !== null);
process.exitCode = measured && (!args.strict || rows.every((row) => row.pass)) ? 0 : 1;
