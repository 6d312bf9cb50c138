import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'edge-dev.js'), ...args], { cwd: ROOT, input, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'edge-dev-cff-cli-'));
function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

describe('edge-dev event --cloudfront-functions', () => {
  it('§9 prints a CloudFront Functions viewer-request event (dg:functions-event-structure)', () => {
    const result = run(['event', 'viewer-request', '--cloudfront-functions', '--uri', '/a', '--querystring', 'x=1', '--header', 'Cookie: c=2']);
    expect(result.status).toBe(0);
    const event = JSON.parse(result.stdout);
    expect(event).toMatchObject({ version: '1.0', context: { eventType: 'viewer-request' }, request: { uri: '/a', querystring: { x: { value: '1' } }, cookies: { c: { value: '2' } } } });
    expect(event.response).toBeUndefined();
  });

  it('§9 refuses an origin event', () => {
    expect(run(['event', 'origin-request', '--cloudfront-functions']).status).toBe(2);
  });
});

describe('edge-dev invoke with a CloudFront Functions event', () => {
  const event = () => run(['event', 'viewer-request', '--cloudfront-functions', '--uri', '/old']).stdout;

  it('§9 prints the returned object and exits 0; --kvs gives the store (interface.md › CloudFront Functions)', () => {
    const code = file('redirect.js', "import cf from 'cloudfront';\nasync function handler(event) {\n  const to = await cf.kvs().get(event.request.uri);\n  return { statusCode: 302, headers: { location: { value: to } } };\n}");
    const store = file('store.json', JSON.stringify({ data: [{ key: '/old', value: '/new' }] }));
    const result = run(['invoke', code, '--event', '-', '--kvs', store], event());
    expect(result.stderr).toContain('ComputeUtilization');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ statusCode: 302, headers: { location: { value: '/new' } } });
  });

  it('§9 --runtime cloudfront-js-1.0 refuses const with the line; a throw is FunctionExecutionError, exit 1', () => {
    const constCode = file('const.js', 'function handler(event) {\n  const r = event.request;\n  return r;\n}');
    const refused = run(['invoke', constCode, '--event', '-', '--runtime', 'cloudfront-js-1.0'], event());
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/line 2: `const` is not supported by cloudfront-js-1\.0/);
    const throws = run(['invoke', file('throws.js', 'function handler() { throw new Error("no"); }'), '--event', '-'], event());
    expect(throws.status).toBe(1);
    expect(throws.stderr).toMatch(/^FunctionExecutionError \(CloudFront answers 503\)/m);
  });

  it('§9 refuses as serve does: code over 10 KB, a key value store on cloudfront-js-1.0 (exit 2)', () => {
    const big = file('big.js', `function handler(e) { return e.request; }\n//${'x'.repeat(10 * 1024)}`);
    const tooBig = run(['invoke', big, '--event', '-'], event());
    expect(tooBig.status).toBe(2);
    expect(tooBig.stderr).toMatch(/big\.js is 10\d{3} bytes; a CloudFront Function's code may be at most 10240 bytes/);
    const store = file('store1.json', JSON.stringify({ data: [{ key: 'a', value: 'b' }] }));
    const v1 = run(['invoke', file('v1.js', 'function handler(e) { return e.request; }'), '--event', '-', '--runtime', 'cloudfront-js-1.0', '--kvs', store], event());
    expect(v1.status).toBe(2);
    expect(v1.stderr).toContain('command line: --kvs: needs the cloudfront-js-2.0 runtime');
  });
});
