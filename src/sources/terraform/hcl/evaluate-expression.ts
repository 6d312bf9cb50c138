import { isObject } from '../../../config/index.js';
import { ExpressionError } from './expression-error.js';
import type { Expr } from './expression-types.js';
import { callFunction } from './terraform-functions.js';
import { LazyObject, typeName, Unknown } from './values.js';

/** What an expression can see: the names of its module (var, local, module, data, path, resources, iterators). */
export interface EvalContext {
  /** A root name's value; throws ExpressionError for a name the module does not have. */
  lookup(name: string): unknown;
  /** The root module's directory: `file()` and `templatefile()` paths start there, as in Terraform (path.cwd). */
  rootDir: string;
  /** Files read by `file()` and `templatefile()`: watched with the configuration. */
  files: Set<string>;
}

const SPLAT_ITEM = '\u0000item';

/** The context with more names (a `for` expression's, `each`, `count`, a dynamic block's iterator) in front. */
export function withNames(context: EvalContext, names: Readonly<Record<string, unknown>>): EvalContext {
  return { ...context, lookup: (name) => (Object.hasOwn(names, name) ? names[name] : context.lookup(name)) };
}

/** A collection's entries in Terraform's order: list order, or map keys sorted lexically. */
export function entriesOf(value: unknown, what: string): Array<[string | number, unknown]> {
  if (Array.isArray(value)) return value.map((item, i) => [i, item]);
  if (value instanceof LazyObject) return [...value.names()].sort().map((name) => [name, value.get(name)]);
  if (isObject(value)) return Object.keys(value).sort().map((key) => [key, value[key]]);
  throw new ExpressionError(`${what} needs a list, set or map, not a ${typeName(value)}`);
}

export function attributeOf(target: unknown, name: string): unknown {
  if (target instanceof Unknown) return new Unknown(`${target.reference}.${name}`);
  if (target instanceof LazyObject) {
    if (!target.has(name)) throw new ExpressionError(`${target.label} has no attribute "${name}"`);
    return target.get(name);
  }
  if (isObject(target) && Object.hasOwn(target, name)) return target[name];
  throw new ExpressionError(`a ${typeName(target)} has no attribute "${name}"`);
}

function indexOf(target: unknown, key: unknown): unknown {
  if (target instanceof Unknown) return new Unknown(`${target.reference}[${JSON.stringify(key)}]`);
  if (key instanceof Unknown) return key;
  if (Array.isArray(target)) {
    const i = Number(key);
    if (!Number.isInteger(i) || i < 0 || i >= target.length) throw new ExpressionError(`index ${String(key)} is out of range for a list of ${target.length}`);
    return target[i];
  }
  return attributeOf(target, String(key));
}

/** `${}` in a string: numbers and booleans as Terraform prints them; null and collections cannot be interpolated. */
export function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new ExpressionError(`a ${typeName(value)} cannot be used in a string template`);
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function binary(operator: string, left: unknown, right: unknown): unknown {
  if (left instanceof Unknown) return left;
  if (right instanceof Unknown) return right;
  switch (operator) {
    case '==':
      return equal(left, right);
    case '!=':
      return !equal(left, right);
    case '&&':
    case '||':
      if (typeof left !== 'boolean' || typeof right !== 'boolean') throw new ExpressionError(`"${operator}" needs two bools`);
      return operator === '&&' ? left && right : left || right;
  }
  const a = Number(left);
  const b = Number(right);
  if (Number.isNaN(a) || Number.isNaN(b)) throw new ExpressionError(`"${operator}" needs two numbers, not ${JSON.stringify(left)} and ${JSON.stringify(right)}`);
  const results: Record<string, unknown> = { '+': a + b, '-': a - b, '*': a * b, '/': a / b, '%': a % b, '<': a < b, '>': a > b, '<=': a <= b, '>=': a >= b };
  return results[operator];
}

function forExpression(expr: Extract<Expr, { kind: 'for' }>, context: EvalContext): unknown {
  const collection = evaluate(expr.collection, context);
  if (collection instanceof Unknown) return collection;
  const items: unknown[] = [];
  const object: Record<string, unknown> = {};
  for (const [key, value] of entriesOf(collection, 'a for expression')) {
    const inner = withNames(context, expr.keyVar === undefined ? { [expr.valueVar]: value } : { [expr.keyVar]: key, [expr.valueVar]: value });
    if (expr.condition !== undefined) {
      const keep = evaluate(expr.condition, inner);
      if (keep instanceof Unknown) return keep;
      if (keep !== true) continue;
    }
    const result = evaluate(expr.value, inner);
    if (expr.key === undefined) {
      items.push(result);
      continue;
    }
    const name = toText(evaluate(expr.key, inner));
    if (expr.grouped) object[name] = [...((object[name] as unknown[] | undefined) ?? []), result];
    else if (Object.hasOwn(object, name)) throw new ExpressionError(`a for expression gives the key "${name}" twice; add "..." to group the values`);
    else object[name] = result;
  }
  return expr.key === undefined ? items : object;
}

function tryArguments(expr: Extract<Expr, { kind: 'call' }>, context: EvalContext): unknown {
  for (const arg of expr.args) {
    try {
      const value = evaluate(arg, context);
      return expr.name === 'can' ? true : value;
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
    }
  }
  if (expr.name === 'can') return false;
  throw new ExpressionError('no argument of try() could be evaluated');
}

/** An expression's value in a context: JSON values, LazyObjects, and Unknowns for what comes after apply. */
export function evaluate(expr: Expr, context: EvalContext): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'template': {
      const parts = expr.parts.map((part) => evaluate(part, context));
      const unknown = parts.find((part) => part instanceof Unknown);
      return unknown ?? parts.map(toText).join('');
    }
    case 'variable':
      return context.lookup(expr.name);
    case 'item':
      return context.lookup(SPLAT_ITEM);
    case 'attribute':
      return attributeOf(evaluate(expr.target, context), expr.name);
    case 'index':
      return indexOf(evaluate(expr.target, context), evaluate(expr.key, context));
    case 'splat': {
      const source = evaluate(expr.source, context);
      if (source instanceof Unknown) return source;
      const list = source === null ? [] : Array.isArray(source) ? source : [source];
      return list.map((item) => evaluate(expr.each, withNames(context, { [SPLAT_ITEM]: item })));
    }
    case 'call': {
      // tf:functions/try, can: the first argument that evaluates; whether one does.
      if (expr.name === 'try' || expr.name === 'can') return tryArguments(expr, context);
      const args = expr.args.map((arg) => evaluate(arg, context));
      if (expr.expandLast) {
        const last = args.pop();
        if (!Array.isArray(last)) throw new ExpressionError(`"..." after the last argument of ${expr.name}() needs a list`);
        args.push(...last);
      }
      return callFunction(expr.name, args, context);
    }
    case 'tuple':
      return expr.items.map((item) => evaluate(item, context));
    case 'object':
      return Object.fromEntries(expr.entries.map(([key, value]) => [toText(evaluate(key, context)), evaluate(value, context)]));
    case 'for':
      return forExpression(expr, context);
    case 'unary': {
      const operand = evaluate(expr.operand, context);
      if (operand instanceof Unknown) return operand;
      return expr.operator === '!' ? !operand : -Number(operand);
    }
    case 'binary':
      return binary(expr.operator, evaluate(expr.left, context), evaluate(expr.right, context));
    case 'conditional': {
      const condition = evaluate(expr.condition, context);
      if (condition instanceof Unknown) return condition;
      if (typeof condition !== 'boolean') throw new ExpressionError(`a condition must be a bool, not ${JSON.stringify(condition)}`);
      return evaluate(condition ? expr.then : expr.otherwise, context);
    }
  }
}
