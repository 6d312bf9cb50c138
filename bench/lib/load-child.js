// Load generator process: runs autocannon for each job the parent sends over IPC ({ id, options }) and answers
// { id, result } or { id, error }. It runs in its own process so it never shares an event loop with a server under test.
import autocannon from 'autocannon';

const LOOPBACK = /^http:\/\/127\.0\.0\.1:\d+\//;

async function run(options) {
  if (!LOOPBACK.test(options.url)) throw new Error(`only http://127.0.0.1 targets are allowed, got ${options.url}`);
  let next = 0;
  const requests = options.uniquePrefix === undefined
    ? undefined
    : [{ setupRequest: (request) => ({ ...request, path: `${options.uniquePrefix}${next++}` }) }];
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    pipelining: 1,
    ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.durationSeconds }),
    ...(requests !== undefined ? { requests } : {}),
    timeout: 10,
  });
  return {
    requestsPerSecond: result.requests.total / result.duration,
    total: result.requests.total,
    durationSeconds: result.duration,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

process.on('message', ({ id, options }) => {
  run(options).then(
    (result) => process.send({ id, result }),
    (error) => process.send({ id, error: error.message }),
  );
});
process.on('disconnect', () => process.exit(0));
