import { Worker } from 'node:worker_threads';

/**
 * Generic execution environments started ahead of need. Starting a worker thread (a Node.js instance and the
 * environment's entry) costs more than the rest of a cold start together, and needs no function: a spare has
 * loaded no handler, holds no variables (`env: {}`) and has run no user code. Binding one to a function is that
 * function's Init (§8.1): its module, variables and context values arrive with the init message, so the Init
 * Duration counts from the bind and the environment is as cold as a new one.
 *
 * The heap cap is fixed when a thread starts (§8.5), so spares are kept per memory size: once a size is in use one
 * spare waits for it (more for the first cold starts when `prestartSpareWorkers` asks). Refills start one thread at a
 * time per size, so a spare being made never competes for the CPU with a cold start that waits for its own thread.
 * The stock belongs to the process, not to a runtime (runtimes are made per server, per test file, per CLI call),
 * and spares never keep the process alive.
 */
interface Spare {
  readonly worker: Worker;
  exited: boolean;
  readonly onExit: () => void;
}

interface Stock {
  readonly spares: Spare[];
  /** Threads of this size still starting (spares and threads already taken). */
  booting: number;
  /** How many spares to keep: one per size in use, more until prestarted ones are taken. */
  wanted: number;
  readonly workerUrl: URL;
  readonly memorySize: number;
}

/** Most spares kept for one memory size. */
export const MAX_SPARES_PER_SIZE = 4;

const stocks = new Map<string, Stock>();
/** Off after `discardSpareWorkers` (a one-shot CLI call), on again with `prestartSpareWorkers`. */
let keeping = true;

function stockFor(workerUrl: URL, memorySize: number): Stock {
  const key = `${memorySize}\0${workerUrl.href}`;
  let stock = stocks.get(key);
  if (stock === undefined) {
    stock = { spares: [], booting: 0, wanted: 0, workerUrl, memorySize };
    stocks.set(key, stock);
  }
  return stock;
}

function ignoreError(): void {
  // A spare that fails to start leaves the stock on its 'exit'; no invocation depends on it yet.
}

/** A new environment's thread, bound to nothing yet. */
export function startEnvironmentWorker(workerUrl: URL, memorySize: number): Worker {
  const worker = new Worker(workerUrl, {
    // §8.2 (D46): nothing of the host's environment; the function's variables come with its Init.
    env: {},
    // §8.5 (D25): the configured memory caps the heap.
    resourceLimits: { maxOldGenerationSizeMb: memorySize },
    stdout: true,
    stderr: true,
  });
  const stock = stockFor(workerUrl, memorySize);
  stock.booting++;
  let started = false;
  const booted = (): void => {
    if (started) return;
    started = true;
    stock.booting--;
    refill(stock);
  };
  worker.once('online', booted);
  worker.once('exit', booted);
  return worker;
}

function addSpare(stock: Stock): void {
  const worker = startEnvironmentWorker(stock.workerUrl, stock.memorySize);
  const spare: Spare = {
    worker,
    exited: false,
    onExit: () => {
      spare.exited = true;
      const at = stock.spares.indexOf(spare);
      if (at !== -1) stock.spares.splice(at, 1);
    },
  };
  worker.on('error', ignoreError);
  worker.once('exit', spare.onExit);
  worker.unref();
  stock.spares.push(spare);
}

function refill(stock: Stock): void {
  if (keeping && stock.booting === 0 && stock.spares.length < stock.wanted) addSpare(stock);
}

/**
 * A thread for a new environment of `memorySize` MB: a spare when one waits (it may still be starting; the init
 * message waits in its queue), else a new thread. The caller attaches its listeners and sends the init message,
 * then calls `refillSpareWorkers`.
 */
export function takeEnvironmentWorker(workerUrl: URL, memorySize: number): Worker {
  const stock = stockFor(workerUrl, memorySize);
  // A prestarted stock serves the first cold starts; then one spare is kept.
  if (stock.wanted > 1) stock.wanted--;
  while (stock.spares.length > 0) {
    const spare = stock.spares.shift()!;
    if (spare.exited) continue;
    spare.worker.off('error', ignoreError);
    spare.worker.off('exit', spare.onExit);
    spare.worker.ref();
    return spare.worker;
  }
  return startEnvironmentWorker(workerUrl, memorySize);
}

/** After a cold start took its thread: keep (at least) one spare for this memory size. */
export function refillSpareWorkers(workerUrl: URL, memorySize: number): void {
  const stock = stockFor(workerUrl, memorySize);
  if (stock.wanted === 0) stock.wanted = 1;
  refill(stock);
}

/**
 * Start `count` spares of each memory size given (at most MAX_SPARES_PER_SIZE), for the next cold starts: e.g.
 * `serve`, which knows its functions before the first request, asks for one per function. Each cold start lowers
 * the count again, down to the one spare kept per size in use.
 */
export function prestartSpareWorkers(workerUrl: URL, counts: ReadonlyMap<number, number>): void {
  keeping = true;
  for (const [memorySize, count] of counts) {
    const stock = stockFor(workerUrl, memorySize);
    stock.wanted = Math.max(stock.wanted, Math.min(count, MAX_SPARES_PER_SIZE));
    // All at once: no cold start waits for the CPU yet, and the 'online' events that pace refills are late while
    // the main thread is busy loading the server.
    while (stock.spares.length < stock.wanted) addSpare(stock);
  }
}

/** How many spares are kept for a memory size (for tests). */
export function wantedSpares(workerUrl: URL, memorySize: number): number {
  return stocks.get(`${memorySize}\0${workerUrl.href}`)?.wanted ?? 0;
}

/** The `threadId`s of the spares waiting for a memory size, oldest first (for tests). */
export function spareThreadIds(workerUrl: URL, memorySize: number): number[] {
  return (stocks.get(`${memorySize}\0${workerUrl.href}`)?.spares ?? []).map((spare) => spare.worker.threadId);
}

/**
 * Ends every spare and keeps none from now on, until `prestartSpareWorkers` (they hold no function, so there is no
 * Shutdown to deliver).
 */
export async function discardSpareWorkers(): Promise<void> {
  keeping = false;
  const workers: Worker[] = [];
  for (const stock of stocks.values()) {
    stock.wanted = 0;
    for (const spare of stock.spares.splice(0)) workers.push(spare.worker);
  }
  await Promise.all(workers.map((worker) => worker.terminate()));
}
