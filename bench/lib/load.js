import { fork } from 'node:child_process';
import { join } from 'node:path';
import { BENCH_DIR } from './edge-config.js';

const LOAD_CHILD = join(BENCH_DIR, 'lib', 'load-child.js');
let child;
let nextId = 0;
const pending = new Map();

/** The one load-generator process (autocannon), started on first use. */
function generator() {
  if (child !== undefined) return child;
  child = fork(LOAD_CHILD, [], { execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  child.on('message', ({ id, result, error }) => {
    const waiter = pending.get(id);
    pending.delete(id);
    if (error !== undefined) waiter?.reject(new Error(error));
    else waiter?.resolve(result);
  });
  child.on('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`the load generator exited (${code})`));
    pending.clear();
    child = undefined;
  });
  return child;
}

/**
 * Run one bounded autocannon load against a loopback URL, in the separate load-generator process.
 * Either `durationSeconds` or `amount` bounds it; `uniquePrefix` makes every request path `<prefix><n>`.
 * A run with errors, timeouts or non-2xx answers is rejected: a throughput of failures is not a figure.
 */
export async function runLoad({ url, connections = 50, durationSeconds, amount, uniquePrefix }) {
  const id = nextId++;
  const result = await new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    generator().send({ id, options: { url, connections, durationSeconds, amount, uniquePrefix } });
  });
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(`load on ${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts of ${result.total}`);
  }
  return result;
}

/** Stop the load-generator process (call once at the end of a run). */
export function stopLoad() {
  child?.disconnect();
}
