import { startEnvironmentProcess } from './start-environment-process.js';
import type { EnvironmentProcess } from './start-environment-process.js';
import type { FunctionSpec } from './types.js';

/**
 * Environment processes started ahead of need. Starting a runtime process (Node.js and the bootstrap, 50-100 ms)
 * costs more than the rest of a cold start together, and needs no handler code. A process's variables are fixed
 * when it starts (/proc/self/environ), so a spare is started for one function, with that function's Lambda
 * variables (§8.2), but loads nothing and runs no user code until its init message: binding it is that function's
 * Init (§8.1), and Init Duration counts from there, as cold as a new environment.
 *
 * One spare waits for each prestarted function, two for a function that had a cold start: cold starts come in runs
 * (scale-out, a runtime per test file), and a spare started at one was still booting at the next. An idle spare
 * costs about 8 MB of its own (the rest of its RSS is Node.js's code, shared). The stock belongs to the server
 * process, not to a runtime (runtimes are made per server, per test file, per CLI call), and spares never keep
 * the process alive.
 */
interface Stock {
  readonly spec: FunctionSpec;
  readonly bootstrapUrl: URL;
  /** Oldest first: the first is the likeliest to have booted. */
  readonly spares: EnvironmentProcess[];
  size: number;
  /** The next spare's start, while one is booting. */
  staggered?: NodeJS.Timeout;
}

const AFTER_COLD_START = 2;
// One boot at a time per function: two Node.js boots at once beside an Init on 2 cores made the first request of
// `serve` (two cold starts) take 220 ms instead of 130 ms. The next spare starts once the previous one has booted.
const STAGGER_MS = 100;
const stocks = new Map<string, Stock>();
/** Off after `discardSpareProcesses` (a one-shot CLI call), on again with `prestartSpareProcesses`. */
let keeping = true;

/** What a process's start depends on: the variables, the working directory, the runtime and the heap cap. */
function spareKey(spec: FunctionSpec, bootstrapUrl: URL): string {
  const { name, version, modulePath, exportName, runtime, memorySize, region } = spec;
  return JSON.stringify([bootstrapUrl.href, name, version, modulePath, exportName, runtime, memorySize, region, spec.environment ?? null]);
}

function stockFor(spec: FunctionSpec, bootstrapUrl: URL): Stock {
  const key = spareKey(spec, bootstrapUrl);
  let stock = stocks.get(key);
  if (stock === undefined) {
    stock = { spec, bootstrapUrl, spares: [], size: 0 };
    stocks.set(key, stock);
  }
  return stock;
}

function ignoreError(): void {
  // A spare that fails to start leaves the stock on its 'exit'; no invocation depends on it yet.
}

function fill(stock: Stock, size: number): void {
  if (size > stock.size) stock.size = size;
  if (!keeping || stock.spares.length >= stock.size || stock.staggered !== undefined) return;
  const spare = startEnvironmentProcess(stock.spec, stock.bootstrapUrl);
  spare.child.on('error', ignoreError);
  spare.child.once('exit', () => {
    const at = stock.spares.indexOf(spare);
    if (at !== -1) stock.spares.splice(at, 1);
  });
  stock.spares.push(spare);
  if (stock.spares.length < stock.size) {
    stock.staggered = setTimeout(() => {
      stock.staggered = undefined;
      fill(stock, stock.size);
    }, STAGGER_MS).unref();
  }
}

function ended({ child }: EnvironmentProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * A process for a new environment of `spec`: the oldest waiting spare (it may still be starting; the init message
 * waits in its channel), else a new process. The caller attaches its listeners and sends the init message.
 */
export function takeEnvironmentProcess(spec: FunctionSpec, bootstrapUrl: URL): EnvironmentProcess {
  const stock = stockFor(spec, bootstrapUrl);
  let spare = stock.spares.shift();
  while (spare !== undefined && ended(spare)) spare = stock.spares.shift();
  if (spare === undefined) return startEnvironmentProcess(spec, bootstrapUrl);
  spare.child.off('error', ignoreError);
  return spare;
}

/** At a cold start, beside its Init: the spares for the function are made up again. */
export function refillSpareProcesses(spec: FunctionSpec, bootstrapUrl: URL): void {
  fill(stockFor(spec, bootstrapUrl), AFTER_COLD_START);
}

/** Start one spare for each function given, for its first cold start (`serve`, before the first request). */
export function prestartSpareProcesses(functions: Iterable<FunctionSpec>, bootstrapUrl: URL): void {
  keeping = true;
  for (const spec of functions) fill(stockFor(spec, bootstrapUrl), 1);
}

/** The process id of the spare the next cold start of `spec` takes, if any (for tests). */
export function spareProcessId(spec: FunctionSpec, bootstrapUrl: URL): number | undefined {
  return stocks.get(spareKey(spec, bootstrapUrl))?.spares[0]?.child.pid;
}

/** Ends every spare and keeps none from now on, until `prestartSpareProcesses` (they ran no code: no Shutdown). */
export async function discardSpareProcesses(): Promise<void> {
  keeping = false;
  const exits: Array<Promise<void>> = [];
  for (const stock of stocks.values()) {
    for (const spare of stock.spares.splice(0)) {
      if (ended(spare)) continue;
      exits.push(new Promise((resolve) => spare.child.once('exit', () => resolve())));
      spare.child.kill('SIGKILL');
    }
  }
  await Promise.all(exits);
}
