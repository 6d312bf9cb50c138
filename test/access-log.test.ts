import { readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEdge } from './helpers/edge.js';
import type { TestEdge } from './helpers/edge.js';
import { startScriptedOrigin } from './helpers/scripted-origin.js';
import type { ScriptedOrigin } from './helpers/scripted-origin.js';

// dg:standard-logs-reference › Log file fields, in order.
const FIELDS =
  'date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query ' +
  'cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ' +
  'ssl-cipher x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte ' +
  'x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end';
const NAMES = FIELDS.split(' ');

/** The log file's lines as records by field name, after checking its two header lines. */
function readLog(file: string): Record<string, string>[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  expect(lines[0]).toBe('#Version: 1.0');
  expect(lines[1]).toBe(`#Fields: ${FIELDS}`);
  expect(lines.at(-1)).toBe('');
  return lines.slice(2, -1).map((line) => {
    const values = line.split('\t');
    expect(values).toHaveLength(33);
    return Object.fromEntries(NAMES.map((name, i) => [name, values[i]!]));
  });
}

let origin: ScriptedOrigin;

beforeAll(async () => {
  origin = await startScriptedOrigin();
  origin.scripts.set('/page.html', { headers: { 'cache-control': 'max-age=300', 'content-type': 'text/html' }, body: 'hello' });
  origin.scripts.set('/part', { status: 206, headers: { 'content-range': 'bytes 0-2/10' }, body: 'abc' });
  origin.scripts.set('/missing', { status: 404, headers: { 'content-type': 'text/plain' }, body: 'gone' });
});

afterAll(async () => {
  await origin?.close();
});

describe('standard access logs (issue 11)', () => {
  let edge: TestEdge;
  afterAll(async () => {
    await edge?.close();
  });

  it('issue 11 Logging.Enabled writes a Miss, a Hit and an Error to .edge-dev/access-logs/<DistributionId>.<date>.log', async () => {
    edge = await startEdge({
      originMap: { origin: origin.url },
      extra: { Logging: { Enabled: true, IncludeCookies: true, Bucket: 'logs.s3.amazonaws.com', Prefix: 'cf/' } },
    });
    const headers = { 'user-agent': 'test agent/1.0', referer: 'http://example.test/a b', cookie: 'a=1' };
    const miss = await edge.get('/page.html?x=1%202', { headers });
    expect(await miss.text()).toContain('hello');
    const hit = await edge.get('/page.html?x=1%202', { headers });
    expect(hit.headers.get('x-cache')).toBe('Hit from cloudfront');
    const hitBody = await hit.text();
    const error = await edge.get('/missing');
    expect(error.status).toBe(404);
    await error.text();
    expect(edge.logs.some((line) => line.startsWith('[not emulated] Logging'))).toBe(false);
    const day = new Date().toISOString().slice(0, 10);
    const { distributionId, domainName } = edge.server.holder.deps.distribution;
    await edge.close();

    const file = join(edge.dir, '.edge-dev', 'access-logs', `${distributionId}.${day}.log`);
    const records = readLog(file);
    expect(records.map((r) => [r['cs-uri-stem'], r['sc-status'], r['x-edge-result-type']])).toEqual([
      ['/page.html', '200', 'Miss'],
      ['/page.html', '200', 'Hit'],
      ['/missing', '404', 'Error'],
    ]);
    const [m, h, e] = records as [Record<string, string>, Record<string, string>, Record<string, string>];
    const port = Number(new URL(edge.url).port);
    expect(m.date).toBe(day);
    expect(m.time).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(m['x-edge-location']).toBe('LOC50-C1');
    expect(m['c-ip']).toBe('127.0.0.1');
    expect(m['cs-method']).toBe('GET');
    expect(m['cs(Host)']).toBe(domainName);
    expect(m['x-host-header']).toBe(`127.0.0.1:${port}`);
    expect(m['cs(Referer)']).toBe('http://example.test/a%20b');
    expect(m['cs(User-Agent)']).toBe('test%20agent/1.0');
    // The query as sent, its % encoded again (dg:standard-logs-reference: % is among the encoded characters).
    expect(m['cs-uri-query']).toBe('x=1%25202');
    expect(m['cs(Cookie)']).toBe('a=1');
    expect(m['x-edge-request-id']).toBe(miss.headers.get('x-amz-cf-id'));
    expect(h['x-edge-request-id']).toBe(hit.headers.get('x-amz-cf-id'));
    // D43: plain-HTTP requests count as HTTPS unless viewerProtocol is "http"; no TLS, so ssl-* stay "-".
    expect(m['cs-protocol']).toBe('https');
    expect(m['cs-protocol-version']).toBe('HTTP/1.1');
    expect(Number(m['cs-bytes'])).toBeGreaterThan(50);
    expect(m['time-taken']).toMatch(/^\d+\.\d{3}$/);
    expect(m['time-to-first-byte']).toMatch(/^\d+\.\d{3}$/);
    expect(Number(m['time-to-first-byte'])).toBeLessThanOrEqual(Number(m['time-taken']));
    for (const field of ['x-forwarded-for', 'ssl-protocol', 'ssl-cipher', 'fle-status', 'fle-encrypted-fields', 'sc-range-start', 'sc-range-end']) {
      expect(m[field], field).toBe('-');
    }
    expect(m['x-edge-response-result-type']).toBe('Miss');
    expect(m['x-edge-detailed-result-type']).toBe('Miss');
    expect(Number(m['c-port'])).toBeGreaterThan(0);
    expect(m['sc-content-type']).toBe('text/html');
    expect(h['sc-content-len']).toBe(String(Buffer.byteLength(hitBody)));
    // sc-bytes counts the headers too.
    expect(Number(h['sc-bytes'])).toBeGreaterThan(Buffer.byteLength(hitBody) + 100);
    expect([h['x-edge-response-result-type'], h['x-edge-detailed-result-type']]).toEqual(['Hit', 'Hit']);
    expect([e['x-edge-response-result-type'], e['x-edge-detailed-result-type']]).toEqual(['Error', 'Error']);
    expect([e['cs-uri-query'], e['cs(Cookie)'], e['cs(User-Agent)'] !== '-']).toEqual(['-', '-', true]);
  });

  it('issue 11 --access-log FILE writes there without Logging, cookies left out ("-")', async () => {
    const file = join(tmpdir(), `edge-dev-access-${process.pid}-${Date.now()}.log`);
    const other = await startEdge({ originMap: { origin: origin.url }, accessLog: file });
    try {
      const response = await other.get('/page.html', { headers: { cookie: 'secret=1' } });
      await response.text();
      // The origin's 206 is relayed (D35): its Content-Range gives sc-range-start/end.
      const partial = await other.get('/part', { headers: { range: 'bytes=0-2' } });
      expect(partial.status).toBe(206);
      await partial.text();
    } finally {
      await other.close();
    }
    const [record, ranged] = readLog(file);
    rmSync(file, { force: true });
    expect([ranged!['sc-status'], ranged!['sc-range-start'], ranged!['sc-range-end']]).toEqual(['206', '0', '2']);
    expect(record!['cs-uri-stem']).toBe('/page.html');
    expect(record!['cs(Cookie)']).toBe('-');
    expect(record!['x-edge-result-type']).toBe('Miss');
  });

  it('issue 11 over TLS and HTTP/2: cs-protocol https, ssl-protocol and ssl-cipher from the connection, HTTP/2.0; plain HTTP is http', async () => {
    const file = join(tmpdir(), `edge-dev-access-tls-${process.pid}-${Date.now()}.log`);
    const tls = await startEdge({ originMap: { origin: origin.url }, accessLog: file, https: true, viewerProtocol: 'http' });
    try {
      const ca = readFileSync(tls.server.certFile!, 'utf8');
      const session = connect(tls.server.httpsUrl!, { ca, servername: 'localhost' });
      await new Promise<void>((resolve, reject) => {
        const stream = session.request({ ':path': '/page.html', ':authority': 'localhost' });
        stream.on('error', reject);
        stream.on('end', () => resolve());
        stream.resume();
      });
      session.close();
      await (await tls.get('/page.html')).text();
    } finally {
      await tls.close();
    }
    const [h2, plain] = readLog(file) as [Record<string, string>, Record<string, string>];
    rmSync(file, { force: true });
    expect([h2['cs-protocol'], h2['cs-protocol-version'], h2['x-host-header']]).toEqual(['https', 'HTTP/2.0', 'localhost']);
    expect(h2['ssl-protocol']).toMatch(/^TLSv1\.[23]$/);
    expect(h2['ssl-cipher']).toMatch(/^TLS_[A-Z0-9_]+$/);
    expect([plain['cs-protocol'], plain['ssl-protocol'], plain['ssl-cipher'], plain['cs-protocol-version']]).toEqual(['http', '-', '-', 'HTTP/1.1']);
  });
});
