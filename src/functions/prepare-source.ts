/**
 * Checks a function's code as CloudFront does when it is published and prepares it for the context: the runtime's
 * syntax (dg:functions-javascript-runtime-10, -20), its restricted features, its module imports, and a compute
 * check in every loop and function entry so a runaway function can be stopped (FunctionThrottledError).
 */
import { parse } from 'acorn';
import type { FunctionRuntimeName } from './types.js';

/** A load-time refusal: the rule broken and the line, as publishing the function would report it. */
export class FunctionCodeError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'FunctionCodeError';
  }
}

interface AstNode {
  type: string;
  start: number;
  end: number;
  loc?: { start: { line: number } };
  [key: string]: unknown;
}

/** The modules `require` and `import` may name, per runtime (dg:functions-javascript-runtime-10, -20 "Built-in modules"). */
export const FUNCTION_MODULES: Readonly<Record<FunctionRuntimeName, readonly string[]>> = {
  'cloudfront-js-1.0': ['crypto', 'querystring'],
  'cloudfront-js-2.0': ['crypto', 'querystring', 'buffer', 'cloudfront'],
};

/** The name of the compute check (per loop iteration and function entry) the context defines. */
export const TICK = '__cloudfrontFunctionTick';
/** The name of the module loader the context defines; `import` statements become calls of it. */
export const REQUIRE = '__cloudfrontFunctionRequire';

const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);
const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

function lineOf(node: AstNode): number {
  return node.loc?.start.line ?? 1;
}

function children(node: AstNode): AstNode[] {
  const out: AstNode[] = [];
  for (const key of Object.keys(node)) {
    if (key === 'loc') continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof (item as AstNode).type === 'string') out.push(item as AstNode);
    } else if (value && typeof (value as AstNode).type === 'string') {
      out.push(value as AstNode);
    }
  }
  return out;
}

interface Edit {
  at: number;
  end: number;
  text: string;
}

interface Walk {
  runtime: FunctionRuntimeName;
  edits: Edit[];
}

// dg:functions-javascript-runtime-10 "Statements": const and let are not supported; async/await are listed for 2.0 only.
function check10(node: AstNode): void {
  if (node.type === 'VariableDeclaration' && (node.kind === 'const' || node.kind === 'let')) {
    throw new FunctionCodeError(`\`${String(node.kind)}\` is not supported by cloudfront-js-1.0; use \`var\` or the cloudfront-js-2.0 runtime.`, lineOf(node));
  }
  if (FUNCTIONS.has(node.type) && node.async === true) {
    throw new FunctionCodeError('`async` functions are not supported by cloudfront-js-1.0; use the cloudfront-js-2.0 runtime.', lineOf(node));
  }
  if (node.type === 'AwaitExpression') {
    throw new FunctionCodeError('`await` is not supported by cloudfront-js-1.0; use the cloudfront-js-2.0 runtime.', lineOf(node));
  }
}

function importEdit(node: AstNode, runtime: FunctionRuntimeName): Edit {
  const source = (node.source as AstNode).value as string;
  if (!FUNCTION_MODULES[runtime].includes(source)) {
    throw new FunctionCodeError(`there is no module "${source}"; ${runtime} offers ${FUNCTION_MODULES[runtime].join(', ')}.`, lineOf(node));
  }
  const loader = `${REQUIRE}(${JSON.stringify(source)})`;
  const parts = (node.specifiers as AstNode[]).map((specifier) => {
    const local = (specifier.local as AstNode).name as string;
    if (specifier.type === 'ImportSpecifier') {
      const imported = specifier.imported as AstNode;
      return `${local} = ${loader}[${JSON.stringify(imported.name ?? imported.value)}]`;
    }
    return `${local} = ${loader}`;
  });
  // Same line count, so stack traces keep the user's line numbers.
  return { at: node.start, end: node.end, text: parts.length ? `var ${parts.join(', ')};` : `${loader};` };
}

function visit(node: AstNode, walk: Walk, inFunction: boolean, inArguments: boolean): void {
  if (walk.runtime === 'cloudfront-js-1.0') check10(node);
  switch (node.type) {
    // dg:functions-javascript-runtime-20 "Restricted features": no dynamic code loading.
    case 'ImportExpression':
      throw new FunctionCodeError('dynamic `import()` is not supported in CloudFront Functions.', lineOf(node));
    case 'ExportNamedDeclaration':
    case 'ExportDefaultDeclaration':
    case 'ExportAllDeclaration':
      throw new FunctionCodeError('a CloudFront Function exports nothing: declare `function handler(event) { ... }` at the top level.', lineOf(node));
    case 'ImportDeclaration':
      walk.edits.push(importEdit(node, walk.runtime));
      return;
    case 'AwaitExpression':
      if (!inFunction) throw new FunctionCodeError('`await` is only allowed inside an async function.', lineOf(node));
      // dg:functions-javascript-runtime-20 "Statements": await in arguments is not supported.
      if (inArguments) throw new FunctionCodeError('`await` inside call arguments is not supported by cloudfront-js-2.0; assign it to a variable first.', lineOf(node));
      break;
  }
  const isFunction = FUNCTIONS.has(node.type);
  // The compute check runs in every loop iteration and on every function entry, so recursion and callbacks handed to
  // built-ins (sort, map, replace) are stopped as loops are.
  if (LOOPS.has(node.type) || isFunction) {
    const body = node.body as AstNode;
    if (body.type === 'BlockStatement') walk.edits.push({ at: body.start + 1, end: body.start + 1, text: `${TICK}();` });
    else if (isFunction) {
      walk.edits.push({ at: body.start, end: body.start, text: `(${TICK}(),` });
      walk.edits.push({ at: body.end, end: body.end, text: ')' });
    } else {
      walk.edits.push({ at: body.start, end: body.start, text: `{${TICK}();` });
      walk.edits.push({ at: body.end, end: body.end, text: '}' });
    }
  }
  const isCall = node.type === 'CallExpression' || node.type === 'NewExpression';
  for (const child of children(node)) {
    const argument = isCall && (node.arguments as AstNode[]).includes(child);
    visit(child, walk, inFunction || isFunction, isFunction ? false : inArguments || argument);
  }
}

/** The checked code, rewritten for the context (imports as loader calls, a compute check per loop iteration and call). */
export function prepareSource(code: string, runtime: FunctionRuntimeName): string {
  let program: AstNode;
  try {
    program = parse(code, {
      ecmaVersion: 2022,
      sourceType: runtime === 'cloudfront-js-2.0' ? 'module' : 'script',
      locations: true,
    }) as unknown as AstNode;
  } catch (error) {
    const loc = (error as { loc?: { line: number } }).loc;
    const message = (error as Error).message.replace(/ \(\d+:\d+\)$/, '');
    throw new FunctionCodeError(`syntax error: ${message}.`, loc?.line ?? 1);
  }
  const walk: Walk = { runtime, edits: [] };
  visit(program, walk, false, false);
  let out = code;
  for (const edit of walk.edits.sort((a, b) => b.at - a.at || b.end - a.end)) out = out.slice(0, edit.at) + edit.text + out.slice(edit.end);
  // dg:functions-javascript-runtime-10 "Strict mode": functions always run in strict mode.
  return `"use strict";${out}`;
}
