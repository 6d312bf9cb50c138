import { startEnvironmentProcess } from './start-environment-process.js';
import type { EnvironmentProcess } from './start-environment-process.js';
import type { FunctionSpec } from './types.js';

/**
 * Environment processes started ahead of need. Starting a runtime process (Node.js and the bootstrap, 50-60 ms)
 * costs more than the rest of a cold start together, and needs no handler code. A process's variables are fixed
 * when it starts (/proc/self/environ), so a spare is started for one function, with that function's Lambda
 * variables (§8.2), but loads nothing and runs no user code until its init message: binding it is that function's
 * Init (§8.1), and Init Duration counts from there, as cold as a new environment.
 *
 * One spare waits for each function that had a cold start or was prestarted. The stock belongs to the server
 * process, not to a runtime (runtimes are made per server, per test file, per CLI call), and spares never keep
 * the process alive.
 */
interface Stock {
  readonly spec: FunctionSpec;
  readonly bootstrapUrl: URL;
  spare: EnvironmentProcess | undefined;
}

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
    stock = { spec, bootstrapUrl, spare: undefined };
    stocks.set(key, stock);
  }
  return stock;
}

function ignoreError(): void {
  // A spare that fails to start leaves the stock on its 'exit'; no invocation depends on it yet.
}

function addSpare(stock: Stock): void {
  const spare = startEnvironmentProcess(stock.spec, stock.bootstrapUrl);
  spare.child.on('error', ignoreError);
  spare.child.once('exit', () => {
    if (stock.spare === spare) stock.spare = undefined;
  });
  stock.spare = spare;
}

/**
 * A process for a new environment of `spec`: the waiting spare (it may still be starting; the init message waits
 * in its channel), else a new process. The caller attaches its listeners and sends the init message.
 */
export function takeEnvironmentProcess(spec: FunctionSpec, bootstrapUrl: URL): EnvironmentProcess {
  const stock = stockFor(spec, bootstrapUrl);
  const spare = stock.spare;
  stock.spare = undefined;
  if (spare === undefined || spare.child.exitCode !== null || spare.child.signalCode !== null) {
    return startEnvironmentProcess(spec, bootstrapUrl);
  }
  spare.child.off('error', ignoreError);
  return spare;
}

/** After a cold start's Init (so the two never compete for the CPU): one spare waits for the function again. */
export function refillSpareProcesses(spec: FunctionSpec, bootstrapUrl: URL): void {
  const stock = stockFor(spec, bootstrapUrl);
  if (keeping && stock.spare === undefined) addSpare(stock);
}

/** Start one spare for each function given, for its first cold start (`serve`, before the first request). */
export function prestartSpareProcesses(functions: Iterable<FunctionSpec>, bootstrapUrl: URL): void {
  keeping = true;
  for (const spec of functions) refillSpareProcesses(spec, bootstrapUrl);
}

/** The process id of the spare waiting for `spec`, if any (for tests). */
export function spareProcessId(spec: FunctionSpec, bootstrapUrl: URL): number | undefined {
  return stocks.get(spareKey(spec, bootstrapUrl))?.spare?.child.pid;
}

/** Ends every spare and keeps none from now on, until `prestartSpareProcesses` (they ran no code: no Shutdown). */
export async function discardSpareProcesses(): Promise<void> {
  keeping = false;
  const ended: Array<Promise<void>> = [];
  for (const stock of stocks.values()) {
    const spare = stock.spare;
    stock.spare = undefined;
    if (spare === undefined || spare.child.exitCode !== null || spare.child.signalCode !== null) continue;
    ended.push(new Promise((resolve) => spare.child.once('exit', () => resolve())));
    spare.child.kill('SIGKILL');
  }
  await Promise.all(ended);
}
