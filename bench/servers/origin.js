// Benchmark origin (own process): answers every GET/HEAD with the same 1 KB body, cacheable for an hour, except
// `/large/<MB>`.
import { createServer } from 'node:http';
import { BODY_1KB } from '../lib/body.js';

const headers = {
  'content-type': 'text/plain; charset=utf-8',
  'cache-control': 'public, max-age=3600',
  'content-length': String(BODY_1KB.length),
};

// `/large/<MB>`: that many megabytes, streamed with backpressure and never cached (the streaming scenarios).
const CHUNK = Buffer.alloc(64 * 1024, 'x');
function streamLarge(res, megabytes) {
  const total = megabytes * 1024 * 1024;
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store', 'content-length': String(total) });
  let sent = 0;
  const pump = () => {
    while (sent < total) {
      sent += CHUNK.length;
      if (!res.write(CHUNK)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
}

const server = createServer((req, res) => {
  if (req.url.startsWith('/large/')) return streamLarge(res, Number(req.url.slice(7)));
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : BODY_1KB);
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)).closeAllConnections());
