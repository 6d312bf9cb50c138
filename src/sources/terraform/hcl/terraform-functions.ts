import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { isObject } from '../../../config/index.js';
import type { EvalContext } from './evaluate-expression.js';
import { entriesOf, evaluate, toText } from './evaluate-expression.js';
import { ExpressionError } from './expression-error.js';
import { parseTemplateString } from './parse-expression.js';
import { findUnknown, force } from './values.js';

type TerraformFunction = (args: unknown[], context: EvalContext) => unknown;

const text = (value: unknown) => toText(value);
const list = (value: unknown, name: string): unknown[] => {
  if (Array.isArray(value)) return value;
  throw new ExpressionError(`${name}() needs a list`);
};
const distinct = (items: unknown[]) => items.filter((item, i) => items.findIndex((other) => JSON.stringify(other) === JSON.stringify(item)) === i);
const map = (value: unknown, name: string): Record<string, unknown> => {
  if (isObject(value)) return value;
  throw new ExpressionError(`${name}() needs a map or object`);
};

function readText(path: unknown, context: EvalContext, name: string): string {
  const file = resolve(context.rootDir, text(path));
  try {
    const content = readFileSync(file, 'utf8');
    context.files.add(file);
    return content;
  } catch {
    throw new ExpressionError(`${name}("${text(path)}"): no such file (paths start at the root module's directory, as path.cwd)`);
  }
}

/** `format()`'s verbs that configurations use: %s, %d, %v, %q, %%. */
function format(spec: string, args: unknown[]): string {
  let next = 0;
  return spec.replace(/%([sdvq%])/g, (_, verb: string) => {
    if (verb === '%') return '%';
    const value = args[next++];
    if (verb === 'q') return JSON.stringify(text(value));
    if (verb === 'v' && typeof value !== 'string') return JSON.stringify(value);
    return text(value);
  });
}

// tf:language/functions: the built-in functions distribution configurations use; any other is named in an error.
const FUNCTIONS: Readonly<Record<string, TerraformFunction>> = {
  file: ([path], context) => readText(path, context, 'file'),
  templatefile: ([path, vars], context) => {
    const template = parseTemplateString(readText(path, context, 'templatefile'));
    const names = map(vars ?? {}, 'templatefile');
    return evaluate(template, { ...context, lookup: (name) => {
      if (Object.hasOwn(names, name)) return names[name];
      throw new ExpressionError(`templatefile("${text(path)}"): the template uses "${name}", which its variables do not give`);
    } });
  },
  jsonencode: ([value]) => JSON.stringify(value),
  jsondecode: ([value]) => {
    try {
      return JSON.parse(text(value)) as unknown;
    } catch {
      throw new ExpressionError('jsondecode() got text that is not JSON');
    }
  },
  format: ([spec, ...args]) => format(text(spec), args),
  lower: ([s]) => text(s).toLowerCase(),
  upper: ([s]) => text(s).toUpperCase(),
  title: ([s]) => text(s).replace(/\b\w/g, (c) => c.toUpperCase()),
  trimspace: ([s]) => text(s).trim(),
  chomp: ([s]) => text(s).replace(/[\r\n]+$/, ''),
  trimprefix: ([s, prefix]) => (text(s).startsWith(text(prefix)) ? text(s).slice(text(prefix).length) : text(s)),
  trimsuffix: ([s, suffix]) => (text(s).endsWith(text(suffix)) ? text(s).slice(0, text(s).length - text(suffix).length) : text(s)),
  startswith: ([s, prefix]) => text(s).startsWith(text(prefix)),
  endswith: ([s, suffix]) => text(s).endsWith(text(suffix)),
  substr: ([s, offset, length]) => text(s).substr(Number(offset), Number(length) < 0 ? undefined : Number(length)),
  replace: ([s, search, replacement]) => {
    const pattern = text(search);
    const regex = /^\/(.*)\/$/.exec(pattern);
    return regex ? text(s).replace(new RegExp(regex[1]!, 'g'), text(replacement).replace(/\$\{(\d+)\}/g, '$$$1')) : text(s).split(pattern).join(text(replacement));
  },
  split: ([separator, s]) => text(s).split(text(separator)),
  join: ([separator, items]) => list(items, 'join').map(text).join(text(separator)),
  concat: (lists) => lists.flatMap((item) => list(item, 'concat')),
  flatten: ([items]) => list(items, 'flatten').flat(Infinity),
  compact: ([items]) => list(items, 'compact').filter((item) => item !== null && item !== ''),
  distinct: ([items]) => distinct(list(items, 'distinct')),
  contains: ([items, value]) => list(items, 'contains').some((item) => JSON.stringify(item) === JSON.stringify(value)),
  element: ([items, index]) => {
    const all = list(items, 'element');
    return all[Number(index) % all.length];
  },
  one: ([items]) => {
    const all = list(items, 'one');
    if (all.length > 1) throw new ExpressionError(`one() got a list of ${all.length}`);
    return all[0] ?? null;
  },
  length: ([value]) => (typeof value === 'string' ? [...value].length : entriesOf(value, 'length()').length),
  keys: ([value]) => Object.keys(map(value, 'keys')).sort(),
  values: ([value]) => Object.keys(map(value, 'values')).sort().map((key) => map(value, 'values')[key]),
  lookup: ([value, key, fallback]) => {
    const object = map(value, 'lookup');
    if (Object.hasOwn(object, text(key))) return object[text(key)];
    if (fallback === undefined) throw new ExpressionError(`lookup(): no key "${text(key)}" and no default`);
    return fallback;
  },
  merge: (maps) => Object.assign({}, ...maps.filter((item) => item !== null).map((item) => map(item, 'merge'))),
  zipmap: ([keys, values]) => Object.fromEntries(list(keys, 'zipmap').map((key, i) => [text(key), list(values, 'zipmap')[i]])),
  coalesce: (args) => args.find((arg) => arg !== null && arg !== '') ?? null,
  range: (args) => {
    const [start, end, step] = args.length === 1 ? [0, Number(args[0]), 1] : [Number(args[0]), Number(args[1]), Number(args[2] ?? 1)];
    return Array.from({ length: Math.max(0, Math.ceil((end - start) / step)) }, (_, i) => start + i * step);
  },
  max: (args) => Math.max(...args.map(Number)),
  min: (args) => Math.min(...args.map(Number)),
  abs: ([n]) => Math.abs(Number(n)),
  tostring: ([value]) => (value === null ? null : text(value)),
  tonumber: ([value]) => (value === null ? null : Number(value)),
  tobool: ([value]) => (value === null ? null : value === true || value === 'true'),
  tolist: ([value]) => list(value, 'tolist'),
  toset: ([value]) => distinct(list(value, 'toset')),
  tomap: ([value]) => map(value, 'tomap'),
  basename: ([path]) => basename(text(path)),
  dirname: ([path]) => dirname(text(path)),
  abspath: ([path], context) => resolve(context.rootDir, text(path)),
  base64encode: ([s]) => Buffer.from(text(s)).toString('base64'),
  base64decode: ([s]) => Buffer.from(text(s), 'base64').toString('utf8'),
};

/** A built-in function call; an argument known only after apply makes the result unknown too. */
export function callFunction(name: string, args: unknown[], context: EvalContext): unknown {
  const fn = FUNCTIONS[name];
  if (!fn) throw new ExpressionError(`the function ${name}() is not one edge-dev evaluates; give the value as a variable (--var) instead`);
  const forced = args.map(force);
  const unknown = findUnknown(forced);
  if (unknown) return unknown.unknown;
  return fn(forced, context);
}
