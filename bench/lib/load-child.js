// Load generator process: runs autocannon with the options in argv[2] (JSON) and prints one JSON summary line.
// It runs in its own process so it never shares an event loop with a server under test.
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2]);
if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(options.url)) {
  throw new Error(`load-child: only http://127.0.0.1 targets are allowed, got ${options.url}`);
}

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

process.stdout.write(
  `${JSON.stringify({
    requestsPerSecond: result.requests.total / result.duration,
    total: result.requests.total,
    durationSeconds: result.duration,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  })}\n`,
);
