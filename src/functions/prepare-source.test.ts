import { describe, expect, it } from 'vitest';
import { prepareSource } from './prepare-source.js';

const v10 = (code: string) => () => prepareSource(code, 'cloudfront-js-1.0');
const v20 = (code: string) => () => prepareSource(code, 'cloudfront-js-2.0');

describe('prepareSource', () => {
  it('§9 1.0 refuses const, let, async and await, naming the feature and line (dg:functions-javascript-runtime-10)', () => {
    expect(v10('function handler(e) {\n  const x = 1;\n}')).toThrow(/^line 2: `const` is not supported by cloudfront-js-1.0/);
    expect(v10('function handler(e) {\n\n  let x = 1;\n}')).toThrow(/^line 3: `let`/);
    expect(v10('async function handler(e) { return e; }')).toThrow(/^line 1: `async` functions/);
  });

  it('§9 1.0 loads what it adds to ES 5.1: arrow functions, template literals, rest parameters, ** (dg:functions-javascript-runtime-10)', () => {
    expect(v10('function handler(e, ...rest) { var f = (x) => `${x ** 2}`; return f(2); }')).not.toThrow();
  });

  it('§9 2.0 loads const, let, async/await and `import cf from "cloudfront"` (dg:functions-javascript-runtime-20)', () => {
    const out = prepareSource("import cf from 'cloudfront';\nconst kvs = cf.kvs();\nasync function handler(e) { let v = await kvs.get('k'); return e; }", 'cloudfront-js-2.0');
    expect(out.split('\n')).toHaveLength(3);
    expect(out).toContain('var cf = __cloudfrontFunctionRequire("cloudfront");');
  });

  it('§9 2.0 refuses await inside call arguments (dg:functions-javascript-runtime-20 "async arguments ... are not supported")', () => {
    expect(v20("async function handler(e) {\n  return parseFloat(await e.x);\n}")).toThrow(/^line 2: `await` inside call arguments/);
  });

  it('§9 refuses dynamic import, exports and unknown modules', () => {
    expect(v20('function handler(e) { return import("x"); }')).toThrow(/dynamic `import\(\)`/);
    expect(v20('export function handler(e) { return e; }')).toThrow(/exports nothing/);
    expect(v20("import fs from 'fs';\nfunction handler(e) {}")).toThrow(/no module "fs"/);
    expect(v10("import cf from 'cloudfront';")).toThrow(/syntax error/);
  });

  it('§9 puts a compute check in every loop and function entry, keeping line numbers', () => {
    const out = prepareSource('function handler(e) {\n  while (e.x) e.y();\n  for (;;) { break; }\n  return [1].map((n) => ({ n }));\n}', 'cloudfront-js-2.0');
    expect(out).toBe(
      '"use strict";function handler(e) {__cloudfrontFunctionTick();\n  while (e.x) {__cloudfrontFunctionTick();e.y();}\n  for (;;) {__cloudfrontFunctionTick(); break; }\n' +
        '  return [1].map((n) => ((__cloudfrontFunctionTick(),{ n })));\n}',
    );
  });
});
