// Cache-hit baseline (own process): a bare node:http server answering from a Map, with the very status, headers and
// body edge-dev sent for the same URL (passed in as JSON in BENCH_RESPONSE: { url, status, headers: [[name, value]] }).
import { createServer } from 'node:http';
import { BODY_1KB } from '../lib/body.js';

const given = JSON.parse(process.env.BENCH_RESPONSE ?? '{}');
const entries = new Map();
entries.set(given.url ?? '/', { status: given.status ?? 200, headers: given.headers?.flat() ?? [], body: BODY_1KB });

const server = createServer((req, res) => {
  const entry = entries.get(req.url);
  if (entry === undefined) {
    res.writeHead(404, ['content-length', '0']);
    res.end();
    return;
  }
  res.writeHead(entry.status, entry.headers);
  res.end(req.method === 'HEAD' ? undefined : entry.body);
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)).closeAllConnections());
