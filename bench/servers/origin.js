// Benchmark origin (own process): answers every GET/HEAD with the same 1 KB body, cacheable for an hour.
import { createServer } from 'node:http';
import { BODY_1KB } from '../lib/body.js';

const headers = {
  'content-type': 'text/plain; charset=utf-8',
  'cache-control': 'public, max-age=3600',
  'content-length': String(BODY_1KB.length),
};

const server = createServer((req, res) => {
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : BODY_1KB);
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)).closeAllConnections());
