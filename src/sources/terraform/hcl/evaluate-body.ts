import { isObject } from '../../../config/index.js';
import { entriesOf, evaluate, withNames, type EvalContext } from './evaluate-expression.js';
import { ExpressionError } from './expression-error.js';
import { parseTemplateString } from './parse-expression.js';
import { Unknown } from './values.js';

/** tf:language/expressions/dynamic-blocks: one `content` per element of `for_each`, the iterator named by the label. */
function dynamicBlocks(name: string, blocks: unknown, context: EvalContext): unknown[] {
  return (Array.isArray(blocks) ? blocks.filter(isObject) : []).flatMap((block) => {
    const collection = evaluateBody(block.for_each, context);
    if (collection instanceof Unknown) throw new ExpressionError(`dynamic "${name}": for_each is ${collection.reference}, known only after apply`, true);
    // hcl2json gives `iterator = o` as the expression "${o}".
    const iterator = typeof block.iterator === 'string' ? block.iterator.replace(/^\$\{(.*)\}$/, '$1').trim() : name;
    const content = Array.isArray(block.content) ? block.content[0] : block.content;
    return entriesOf(collection, `dynamic "${name}" for_each`).map(([key, item]) => evaluateBody(content, withNames(context, { [iterator]: { key, value: item } })));
  });
}

/**
 * A value as hcl2json gives it (Terraform's JSON syntax, tf:language/syntax/json): every string a template, lists and
 * objects holding more, and `dynamic` blocks expanded after the static blocks of the same name.
 */
export function evaluateBody(value: unknown, context: EvalContext): unknown {
  if (typeof value === 'string') return evaluate(parseTemplateString(value), context);
  if (Array.isArray(value)) return value.map((item) => evaluateBody(item, context));
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key !== 'dynamic') out[key] = evaluateBody(item, context);
  }
  if (isObject(value.dynamic)) {
    for (const [name, blocks] of Object.entries(value.dynamic)) out[name] = [...((out[name] as unknown[] | undefined) ?? []), ...dynamicBlocks(name, blocks, context)];
  }
  return out;
}
