import { describe, expect, it } from 'vitest';
import { FunctionInstance, LOG_LIMIT_BYTES } from './function-instance.js';
import { testSpec } from './test-spec.js';

const EVENT = JSON.stringify({ version: '1.0', request: { uri: '/a/', headers: {} } });
const HERE = { name: 'LOCAL', serverIp: '127.0.0.1', region: 'us-east-1' };
const run = (code: string, runtime?: 'cloudfront-js-1.0' | 'cloudfront-js-2.0', store?: Record<string, string>) =>
  new FunctionInstance(testSpec(code, runtime, store)).invoke(EVENT, 'viewer-request', HERE);

describe('FunctionInstance', () => {
  it('§9 runs a 1.0 handler and returns what it returns as plain data', () => {
    const out = run('function handler(event) { var r = event.request; r.uri += "index.html"; return r; }', 'cloudfront-js-1.0');
    expect(out).toMatchObject({ ok: true, result: { uri: '/a/index.html' } });
  });

  it('§9 runs an async 2.0 handler that reads the key value store in all three formats (dg:functions-custom-methods)', () => {
    const out = run(
      `import cf from 'cloudfront';
       const kvs = cf.kvs();
       async function handler(event) {
         const json = await kvs.get('cfg', { format: 'json' });
         const text = await kvs.get('cfg');
         const bytes = await kvs.get('cfg', { format: 'bytes' });
         const has = await kvs.exists('nope');
         let missing = 'no error';
         try { await kvs.get('nope'); } catch (e) { missing = 'rejected'; }
         const meta = await kvs.meta();
         return { json, text, bytes: bytes.length, has, missing, keys: meta.keyCount };
       }`,
      'cloudfront-js-2.0',
      { cfg: '{"to":"/new"}' },
    );
    expect(out.result).toEqual({ json: { to: '/new' }, text: '{"to":"/new"}', bytes: 13, has: false, missing: 'rejected', keys: 1 });
  });

  it('§9 stops a runaway loop with FunctionThrottledError, even one that catches errors', () => {
    const out = run('function handler(event) { while (true) { try { event.x = 1; } catch (e) {} } }');
    expect(out).toMatchObject({ ok: false, error: { kind: 'FunctionThrottledError' } });
  });

  it('§9 a thrown error is a FunctionExecutionError naming the line', () => {
    const out = run('function handler(event) {\n  return event.nothing.value;\n}');
    expect(out.ok).toBe(false);
    expect(out.error?.kind).toBe('FunctionExecutionError');
    expect(out.error?.message).toMatch(/TypeError[\s\S]*test-fn\.js:2/);
  });

  it('§9 has no eval, Function constructor, timers, process or require of Node modules (dg:functions-javascript-runtime-20 "Restricted features")', () => {
    expect(run('function handler() { return eval("1"); }').error?.message).toMatch(/EvalError/);
    expect(run('function handler() { return new Function("return 1")(); }').error?.message).toMatch(/EvalError/);
    expect(run('function handler() { return [typeof setTimeout, typeof process, typeof fetch, typeof globalThis.require("crypto")]; }').result).toEqual(['undefined', 'undefined', 'undefined', 'object']);
    expect(run('function handler() { return require("fs"); }').error?.message).toMatch(/Cannot find module "fs"/);
  });

  it('§9 Date is frozen at the start of the run (dg:functions-javascript-runtime-10 "Date and timestamps")', () => {
    const out = run('function handler() { var a = Date.now(); for (var i = 0; i < 1e3; i++) {} return [a === Date.now(), new Date().getTime() === a, new Date(0).getTime()]; }');
    expect(out.result).toEqual([true, true, 0]);
  });

  it('§9 offers the crypto subset: 2.0 digest() without encoding is a Buffer, 1.0 a byte string', () => {
    const code = 'function handler() { var c = require("crypto"); var d = c.createHmac("sha256", "k").update("x").digest(); return [c.createHash("md5").update("x").digest("hex"), typeof d, d.length]; }';
    expect(run(code, 'cloudfront-js-2.0').result).toEqual(['9dd4e461268c8034f5c8564e155c67a6', 'object', 32]);
    expect(run(code, 'cloudfront-js-1.0').result).toEqual(['9dd4e461268c8034f5c8564e155c67a6', 'string', 32]);
    expect(run('function handler() { return require("crypto").createHash("sha512"); }').error?.message).toMatch(/md5, sha1 or sha256/);
  });

  it('§9 1.0 has the byte-string helpers and no buffer module; 2.0 the reverse (dg:functions-javascript-runtime-features)', () => {
    expect(run('function handler() { return ["é".toUTF8().length, "c3a9".bytesFrom ? "".bytesFrom("c3a9", "hex").fromUTF8() : null]; }', 'cloudfront-js-1.0').result).toEqual([2, 'é']);
    expect(run('function handler() { return require("buffer"); }', 'cloudfront-js-1.0').error?.message).toMatch(/Cannot find module "buffer"/);
    expect(run('function handler() { return [typeof "".toUTF8, Buffer.from("aGk=", "base64").toString()]; }').result).toEqual(['undefined', 'hi']);
  });

  it('§9 logs console.log lines and truncates them at 10 KB (dg:cloudfront-function-restrictions "Logs")', () => {
    const out = run('function handler() { console.log("a", 1, { b: 2 }); for (var i = 0; i < 100; i++) console.log("x".repeat(200)); return {}; }');
    expect(out.logs[0]).toBe('a 1 {"b":2}');
    expect(out.logs.join('').length).toBeLessThanOrEqual(LOG_LIMIT_BYTES);
  });

  it('§9 reports compute utilization as a percentage', () => {
    const out = run('function handler(e) { return e.request; }');
    expect(out.computeUtilization).toBeGreaterThanOrEqual(0);
    expect(out.computeUtilization).toBeLessThanOrEqual(100);
  });

  it('§9 the origin helpers work in viewer-request only (dg:helper-functions-origin-modification)', () => {
    const instance = new FunctionInstance(testSpec("import cf from 'cloudfront'; function handler(e) { cf.selectRequestOriginById('b'); return e.request; }"));
    expect(instance.invoke(EVENT, 'viewer-request', HERE)).toMatchObject({ ok: true, originChanges: [{ helper: 'selectRequestOriginById', originId: 'b' }] });
    expect(instance.invoke(EVENT, 'viewer-response', HERE).error?.message).toMatch(/only be used in a viewer-request/);
  });

  it('§9 recursion is stopped by the compute check on function entry (FunctionThrottledError)', () => {
    const out = run('function f(n) { return n < 0 ? 0 : f(n - 1) + f(n - 1); } function handler(e) { f(60); return e.request; }');
    expect(out.error?.kind).toBe('FunctionThrottledError');
    expect(out.durationMs).toBeLessThan(1000);
  });

  it('§9 unbounded recursion ends in a stack overflow (FunctionExecutionError)', () => {
    const out = run('function f(n) { return f(n + 1) + 1; } function handler(e) { f(0); return e.request; }');
    expect(out.error).toMatchObject({ kind: 'FunctionExecutionError', message: expect.stringMatching(/RangeError: Maximum call stack size exceeded/) });
  });

  it('§9 D57 a loop that grows the heap past 2 MB is stopped (FunctionExecutionError)', () => {
    const out = run('function handler(e) { var a = []; for (var i = 0; i < 1e7; i++) a.push({ i: i }); return e.request; }');
    expect(out.error).toMatchObject({ kind: 'FunctionExecutionError', message: expect.stringMatching(/memory limit of CloudFront Functions \(2 MB\)/) });
    expect(out.durationMs).toBeLessThan(1000);
  });

  it('§9 D57 one allocation past 2 MB, with no loop, fails the run when it returns', () => {
    const out = run('function handler(e) { e.request.headers.big = { value: String(new Array(1e6).fill(7).length) }; return e.request; }');
    expect(out.error?.message).toMatch(/memory limit/);
  });

  it('§9 D57 a typical function stays far below the memory limit', () => {
    const out = run('function handler(e) { var r = e.request; r.headers["x-a"] = { value: JSON.stringify(r) }; return r; }');
    expect(out.ok).toBe(true);
  });

  it('§9 refuses code without a handler when it loads', () => {
    expect(() => new FunctionInstance(testSpec('var x = 1;'))).toThrow(/no `function handler\(event\)`/);
  });
});
