// Baselines (own process): a bare node:http proxy forwarding every request with undici Pool.request to the origin
// given as the first argument. By default it buffers the body as edge-dev did for the cache-miss rows; with `--stream`
// it pipes the body as it arrives, with backpressure: the floor for edge-dev's time to first byte (issue 9).
import { createServer } from 'node:http';
import { pipeline } from 'node:stream';
import { Pool } from 'undici';

const pool = new Pool(process.argv[2], { keepAliveTimeout: 5000 });
const streaming = process.argv.includes('--stream');
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

function forwardHeaders(raw) {
  const out = [];
  for (let i = 0; i < raw.length; i += 2) {
    if (!HOP_BY_HOP.has(raw[i].toLowerCase())) out.push(raw[i], raw[i + 1]);
  }
  return out;
}

function responseHeaders(headers) {
  const out = [];
  for (const name in headers) {
    if (HOP_BY_HOP.has(name)) continue;
    const value = headers[name];
    if (Array.isArray(value)) for (const one of value) out.push(name, one);
    else out.push(name, value);
  }
  return out;
}

async function forward(req, res) {
  const upstream = await pool.request({ method: req.method, path: req.url, headers: forwardHeaders(req.rawHeaders) });
  if (streaming) {
    res.writeHead(upstream.statusCode, responseHeaders(upstream.headers));
    pipeline(upstream.body, res, () => {});
    return;
  }
  const chunks = [];
  for await (const chunk of upstream.body) chunks.push(chunk);
  res.writeHead(upstream.statusCode, responseHeaders(upstream.headers));
  res.end(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
}

const server = createServer((req, res) => {
  forward(req, res).catch(() => {
    res.writeHead(502);
    res.end();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)).closeAllConnections());
