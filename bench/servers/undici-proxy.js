// Cache-miss baseline (own process): a bare node:http proxy forwarding every request with undici Pool.request to
// the origin given as the first argument, buffering the body as edge-dev does.
import { createServer } from 'node:http';
import { Pool } from 'undici';

const pool = new Pool(process.argv[2], { keepAliveTimeout: 5000 });
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

function forwardHeaders(raw) {
  const out = [];
  for (let i = 0; i < raw.length; i += 2) {
    if (!HOP_BY_HOP.has(raw[i].toLowerCase())) out.push(raw[i], raw[i + 1]);
  }
  return out;
}

async function forward(req, res) {
  const upstream = await pool.request({ method: req.method, path: req.url, headers: forwardHeaders(req.rawHeaders) });
  const chunks = [];
  for await (const chunk of upstream.body) chunks.push(chunk);
  const headers = [];
  for (const name in upstream.headers) {
    if (HOP_BY_HOP.has(name)) continue;
    const value = upstream.headers[name];
    if (Array.isArray(value)) for (const one of value) headers.push(name, one);
    else headers.push(name, value);
  }
  res.writeHead(upstream.statusCode, headers);
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
