// Streaming baseline (own process): a bare node:http proxy that forwards every request with undici and pipes the
// response body to the client as it arrives, with backpressure: the floor for edge-dev's time to first byte.
import { createServer } from 'node:http';
import { pipeline } from 'node:stream';
import { Pool } from 'undici';

const pool = new Pool(process.argv[2], { keepAliveTimeout: 5000 });
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

const server = createServer(async (req, res) => {
  try {
    const upstream = await pool.request({ method: req.method, path: req.url });
    const headers = [];
    for (const name in upstream.headers) {
      if (!HOP_BY_HOP.has(name)) headers.push(name, upstream.headers[name]);
    }
    res.writeHead(upstream.statusCode, headers);
    pipeline(upstream.body, res, () => {});
  } catch {
    res.writeHead(502);
    res.end();
  }
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)).closeAllConnections());
