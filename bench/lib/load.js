import { join } from 'node:path';
import { BENCH_DIR } from './edge-config.js';
import { runNodeJson } from './processes.js';

const LOAD_CHILD = join(BENCH_DIR, 'lib', 'load-child.js');

/**
 * Run one bounded autocannon load against a loopback URL in a separate process.
 * Either `durationSeconds` or `amount` bounds it; `uniquePrefix` makes every request path `<prefix><n>`.
 * A run with errors, timeouts or non-2xx answers is rejected: a throughput of failures is not a figure.
 */
export async function runLoad({ url, connections = 50, durationSeconds, amount, uniquePrefix }) {
  const result = await runNodeJson(LOAD_CHILD, [JSON.stringify({ url, connections, durationSeconds, amount, uniquePrefix })], {
    timeoutMs: 300_000,
  });
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(`load on ${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts of ${result.total}`);
  }
  return result;
}
