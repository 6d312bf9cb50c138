import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'edge-dev.js'), ...args], { cwd: ROOT, input, encoding: 'utf8' });

function handlerFile(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'edge-dev-cli-'));
  const file = join(dir, 'handler.mjs');
  writeFileSync(file, source);
  return file;
}

describe('edge-dev event', () => {
  it('prints a complete viewer-request event with the given uri, query and headers', () => {
    const result = run(['event', 'viewer-request', '--uri', '/a/b', '--querystring', 'x=1', '--header', 'X-Test: yes', '--header', 'Cookie: a=1']);
    expect(result.status).toBe(0);
    const cf = JSON.parse(result.stdout).Records[0].cf;
    expect(cf.config.eventType).toBe('viewer-request');
    expect(cf.request).toMatchObject({ uri: '/a/b', querystring: 'x=1', method: 'GET' });
    expect(cf.request.headers['x-test']).toEqual([{ key: 'X-Test', value: 'yes' }]);
  });

  it('prints an origin-response event with the status as a string (§1.9)', () => {
    const result = run(['event', 'origin-response', '--status', '404']);
    expect(result.status).toBe(0);
    const cf = JSON.parse(result.stdout).Records[0].cf;
    expect(cf.response.status).toBe('404');
    expect(cf.request.origin.custom ?? cf.request.origin.s3).toBeDefined();
  });

  it('an unknown event type exits 2', () => {
    const result = run(['event', 'viewer-requests']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('viewer-request');
  });
});

describe('edge-dev invoke', () => {
  const event = join(ROOT, 'fixtures', 'events', 'viewer-request.json');

  it('prints the accepted result as JSON and exits 0', () => {
    const file = handlerFile(`export const handler = async (e) => { const r = e.Records[0].cf.request; r.uri = '/rewritten'; return r; };`);
    const result = run(['invoke', file, '--event', event]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).uri).toBe('/rewritten');
    expect(result.stderr).toMatch(/^START RequestId: /m);
  });

  it('§3.3 a rejected result: exit 1 naming LambdaValidationError and the rule', () => {
    const file = handlerFile(`export const handler = async (e) => { const r = e.Records[0].cf.request; r.headers.host = [{ key: 'Host', value: 'evil.example' }]; return r; };`);
    const result = run(['invoke', file, '--event', event]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('LambdaValidationError');
    expect(result.stderr).toContain('read-only');
  });

  it('§8.4 a handler that throws: exit 1 naming LambdaExecutionError', () => {
    const file = handlerFile(`export const handler = async () => { throw new Error('kaput'); };`);
    const result = run(['invoke', file, '--event', '-'], JSON.stringify(JSON.parse(run(['event', 'viewer-request']).stdout)));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('LambdaExecutionError');
    expect(result.stderr).toContain('kaput');
  });

  it('a missing handler file: exit 2 naming the file', () => {
    const result = run(['invoke', 'no/such/handler.mjs', '--event', event]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no/such/handler.mjs');
  });

  it('a malformed event file: exit 2 naming the file', () => {
    const file = handlerFile('export const handler = async (e) => e.Records[0].cf.request;');
    const bad = join(mkdtempSync(join(tmpdir(), 'edge-dev-cli-')), 'event.json');
    writeFileSync(bad, '{ "Records": [ ');
    const result = run(['invoke', file, '--event', bad]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(bad);
  });

  it('a syntax error in the handler: exit 1 and the file named, nothing hangs', () => {
    const file = handlerFile('export const handler = async (e) => { return e.Records[0].cf.request;');
    const result = run(['invoke', file, '--event', event]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('handler.mjs');
  });

  it('issue 14 (interface.md): --event-type names the trigger of an event without config.eventType', () => {
    const file = handlerFile('export const handler = async (e) => e.Records[0].cf.request;');
    const full = JSON.parse(run(['event', 'origin-request']).stdout) as { Records: { cf: { config: Record<string, unknown> } }[] };
    delete full.Records[0]!.cf.config.eventType;
    const bare = join(mkdtempSync(join(tmpdir(), 'edge-dev-cli-')), 'event.json');
    writeFileSync(bare, JSON.stringify(full));
    const without = run(['invoke', file, '--event', bare]);
    expect(without.status).toBe(2);
    expect(without.stderr).toContain('--event-type viewer-request|origin-request|origin-response|viewer-response');
    const named = run(['invoke', file, '--event', bare, '--event-type', 'origin-request']);
    expect(named.status).toBe(0);
    expect(JSON.parse(named.stdout).origin).toBeDefined();
  });

  it('issue 14: an API Gateway sample event says what it is and what is expected', () => {
    const file = handlerFile('export const handler = async (e) => e;');
    const gateway = join(mkdtempSync(join(tmpdir(), 'edge-dev-cli-')), 'apigw.json');
    writeFileSync(gateway, JSON.stringify({ httpMethod: 'GET', path: '/', requestContext: { stage: 'prod' } }));
    const result = run(['invoke', file, '--event', gateway]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('an API Gateway or function URL event');
    expect(result.stderr).toContain('edge-dev event viewer-request');
  });
});
