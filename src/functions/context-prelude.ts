/**
 * Code that runs inside every function context once, before the function: the frozen clock, cloudfront-js-1.0's
 * nonstandard string methods, and the runner the host calls per invocation. It is plain ES5 so it never depends on the
 * runtime's own syntax gate.
 */

// dg:functions-javascript-runtime-10 "Date and timestamps": every clock read gives the run's start time.
const FROZEN_DATE = `
(function (g) {
  var RealDate = g.Date, now = g.__cloudfrontFunctionNow;
  function Date() {
    if (!new.target) return new RealDate(now()).toString();
    return arguments.length === 0 ? new RealDate(now()) : Reflect.construct(RealDate, arguments, new.target);
  }
  Date.prototype = RealDate.prototype;
  Date.now = function () { return now(); };
  Date.parse = RealDate.parse;
  Date.UTC = RealDate.UTC;
  Object.defineProperty(g, 'Date', { value: Date, writable: true, configurable: true });
})(globalThis);`;

// dg:functions-javascript-runtime-10 "String": byte strings (one character per byte), 1.0 only.
const STRING_METHODS_10 = `
(function (S, bytes) {
  function define(name, fn) { Object.defineProperty(S.prototype, name, { value: fn, writable: true, configurable: true }); }
  function part(s, start, end) { return s.slice(start === undefined ? 0 : start, end === undefined ? s.length : end); }
  define('bytesFrom', function (source, encoding) {
    if (Array.isArray(source)) { var out = ''; for (var i = 0; i < source.length; i++) out += S.fromCharCode(source[i] & 255); return out; }
    return bytes(String(source), encoding === undefined ? 'hex' : encoding);
  });
  define('fromBytes', function (start, end) { return part(String(this), start, end); });
  define('fromUTF8', function (start, end) { try { return decodeURIComponent(escape(part(String(this), start, end))); } catch (e) { return null; } });
  define('toBytes', function (start, end) { var s = part(String(this), start, end); return /[^\\u0000-\\u00ff]/.test(s) ? null : s; });
  define('toUTF8', function (start, end) { return unescape(encodeURIComponent(part(String(this), start, end))); });
})(String, globalThis.__cloudfrontFunctionBytes);`;

// One invocation: the event crosses in as JSON, the result leaves as JSON (CloudFront reads plain data).
const RUNNER = `
Object.defineProperty(globalThis, '__cloudfrontFunctionRun', { value: function (input) {
  var out = { done: false };
  function fail(error) {
    out.done = true;
    out.error = error && error.stack ? String(error.stack) : String(error);
  }
  function finish(value) {
    out.done = true;
    try { out.json = JSON.stringify(value); } catch (error) { out.unserialisable = String(error && error.message || error); }
  }
  try {
    var result = handler(JSON.parse(input));
    if (result !== null && typeof result === 'object' && typeof result.then === 'function') result.then(finish, fail);
    else finish(result);
  } catch (error) { fail(error); }
  return out;
} });`;

export function contextPrelude(runtime: 'cloudfront-js-1.0' | 'cloudfront-js-2.0'): string {
  return runtime === 'cloudfront-js-1.0' ? FROZEN_DATE + STRING_METHODS_10 + RUNNER : FROZEN_DATE + RUNNER;
}
